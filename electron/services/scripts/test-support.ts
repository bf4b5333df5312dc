import type { ScriptRun } from './script-types';

/** A run with a small JSON response, overridable piece by piece. */
export function scriptRun(source: string, overrides: Partial<ScriptRun> = {}): ScriptRun {
  return {
    kind: 'post-response',
    source,
    owner: '"Login"',
    request: {
      url: 'https://api.example.test/login?x=1',
      method: 'POST',
      headers: [{ key: 'Accept', value: 'application/json' }],
      body: { mode: 'raw', raw: '{"user":"ada"}', editable: true },
    },
    response: {
      code: 200,
      status: 'OK',
      headers: [
        { key: 'Content-Type', value: 'application/json; charset=utf-8' },
        { key: 'X-Trace', value: 'abc' },
      ],
      body: JSON.stringify({ token: 't-1', user: { id: 7, name: 'Ada', roles: ['admin', 'dev'] }, items: [1, 2, 3] }),
      responseTime: 12,
      size: 80,
      headerSize: 60,
    },
    variables: { environment: { base: 'https://api.example.test' }, collection: { page: '1' }, globals: { g: 'global' }, local: {}, data: {} },
    info: { requestName: 'Login', requestId: 'req-1', iteration: 0, iterationCount: 1 },
    ...overrides,
  };
}
