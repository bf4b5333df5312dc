import { expect as chaiExpect } from 'chai';
import { describe, expect, it } from 'vitest';
import { httpRequestSpecSchema, type RequestTests } from '../contract';
import { toPostmanItem } from './postman';
import { postmanTestScript } from './postman-tests';

/** A stand-in for Postman's sandbox, just enough to run the exported lines: pm.test, pm.expect (chai), pm.response. */
function runInFakePostman(lines: string[], response: { code: number; headers: Record<string, string>; body: string; time: number }) {
  const results: { name: string; passed: boolean }[] = [];
  const set: Record<string, unknown> = {};
  const setter = (scope: string) => (name: string, value: unknown) => (set[`${scope}:${name}`] = value);
  const pm = {
    test: (name: string, fn: () => void) => {
      try {
        fn();
        results.push({ name, passed: true });
      } catch {
        results.push({ name, passed: false });
      }
    },
    expect: chaiExpect,
    response: {
      code: response.code,
      responseTime: response.time,
      size: () => ({ body: response.body.length }),
      text: () => response.body,
      json: () => JSON.parse(response.body) as unknown,
      headers: {
        get: (name: string) => Object.entries(response.headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1],
        has: (name: string) => Object.keys(response.headers).some((key) => key.toLowerCase() === name.toLowerCase()),
      },
    },
    variables: { replaceIn: (text: string) => text.replace('{{min}}', '5'), set: setter('request') },
    environment: { set: setter('environment') },
    collectionVariables: { set: setter('collection') },
  };
  new Function('pm', lines.join('\n'))(pm);
  return { results, set };
}

const tests: RequestTests = {
  assertions: [
    { enabled: true, target: 'status', property: '', operator: 'equals', expected: '200' },
    { enabled: true, target: 'header', property: 'Content-Type', operator: 'contains', expected: 'json' },
    { enabled: true, target: 'header', property: 'X-Trace', operator: 'exists', expected: '' },
    { enabled: true, target: 'responseTime', property: '', operator: 'lessThan', expected: '500' },
    { enabled: true, target: 'jsonPath', property: '$.user.id', operator: 'greaterOrEqual', expected: '{{min}}' },
    { enabled: true, target: 'jsonPath', property: "$.items[0]['a b']", operator: 'equals', expected: '{"x":1}' },
    { enabled: true, target: 'jsonPath', property: '$.user.name', operator: 'isType', expected: 'string' },
    { enabled: true, target: 'regex', property: 'id":(\\d+)', operator: 'equals', expected: '7' },
    { enabled: true, target: 'body', property: '', operator: 'matches', expected: '^\\{' },
    { enabled: true, target: 'status', property: '', operator: 'equals', expected: '201' },
    { enabled: true, target: 'jsonPath', property: '$..id', operator: 'exists', expected: '' },
    { enabled: false, target: 'status', property: '', operator: 'equals', expected: '500' },
  ],
  captures: [
    { enabled: true, source: 'jsonPath', expression: '$.token', variable: 'token', scope: 'environment', secret: true },
    { enabled: true, source: 'header', expression: 'X-Trace', variable: 'trace', scope: 'collection', secret: false },
    { enabled: true, source: 'regex', expression: '"name":"(\\w+)"', variable: 'who', scope: 'request', secret: false },
  ],
};
const response = {
  code: 200,
  headers: { 'content-type': 'application/json', 'x-trace': 't-1' },
  body: JSON.stringify({ user: { id: 7, name: 'Ada' }, items: [{ 'a b': { x: 1 } }], token: 'tok' }),
  time: 42,
};

describe("Postman export of a request's tests", () => {
  it("writes pm.test lines that pass and fail as Courier's rows do, and sets captured variables", () => {
    const lines = postmanTestScript(tests);
    const { results, set } = runInFakePostman(lines, response);
    expect(results.map((r) => [r.name, r.passed])).toEqual([
      ['status equals 200', true],
      ['header Content-Type contains json', true],
      ['header X-Trace exists', true],
      ['response time < 500', true],
      ['$.user.id ≥ {{min}}', true],
      ['$.items[0][\'a b\'] equals {"x":1}', true],
      ['$.user.name is type string', true],
      ['id":(\\d+) equals 7', true],
      ['body text matches regex ^\\{', true],
      ['status equals 201', false],
    ]);
    expect(set).toEqual({ 'environment:token': 'tok', 'collection:trace': 't-1', 'request:who': 'Ada' });
  });

  it('lists what does not map as not carried over, and turned-off rows as such', () => {
    const lines = postmanTestScript(tests);
    expect(lines).toContain('// Not carried over: $..id exists');
    expect(lines).toContain('// Turned off in Courier: status equals 500');
    expect(lines).toContain('// {{token}} is a secret in Courier: mark it secret in Postman');
  });

  it("puts them in the item's test event; a request without tests has no event", () => {
    const item = toPostmanItem('Login', httpRequestSpecSchema.parse({ method: 'GET', url: 'https://x.test/', tests })) as {
      event?: { listen: string; script: { exec: string[] } }[];
    };
    expect(item.event?.[0]?.listen).toBe('test');
    expect(item.event?.[0]?.script.exec).toEqual(postmanTestScript(tests));
    expect(toPostmanItem('Plain', httpRequestSpecSchema.parse({ method: 'GET', url: 'https://x.test/' }))).not.toHaveProperty('event');
  });
});
