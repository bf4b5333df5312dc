import { describe, expect, it } from 'vitest';
import { CourierError } from '../contract/errors';
import { httpRequestSpecSchema, type HttpRequestSpec, type HttpRequestSpecInput } from '../contract/http';
import { resolveRequestSpec } from './resolve-spec';
import type { VariableLayer } from './types';

const layers: VariableLayer[] = [
  {
    scope: 'environment',
    label: 'Staging',
    variables: [
      { name: 'host', value: 'api.example.com', secret: false },
      { name: 'v', value: 'V', secret: false },
      { name: 'pw', value: 'hunter2-pw', secret: true },
    ],
  },
  { scope: 'global', label: 'Globals', variables: [{ name: 'host', value: 'global.example', secret: false }] },
];

const spec = (input: Partial<HttpRequestSpecInput>): HttpRequestSpec => httpRequestSpecSchema.parse({ method: 'POST', url: 'https://{{host}}/x', ...input });

describe('resolveRequestSpec', () => {
  it('resolves assertion expected values and counts a secret used there', () => {
    const input = spec({
      tests: {
        assertions: [
          { target: 'header', property: '{{v}}', operator: 'equals', expected: '{{host}}:{{pw}}' },
          { target: 'status', operator: 'equals', expected: '200' },
        ],
        captures: [],
      },
    });
    const { spec: out, resolution } = resolveRequestSpec(input, layers);
    expect(out.tests?.assertions.map((row) => [row.property, row.expected])).toEqual([
      ['{{v}}', 'api.example.com:hunter2-pw'],
      ['', '200'],
    ]);
    expect(resolution.secretValues).toContain('hunter2-pw');
    expect(resolveRequestSpec(spec({}), layers).spec.tests).toBeUndefined();
  });

  it('resolves URL, params, headers and auth, request variables first', () => {
    const input = spec({
      url: 'https://{{host}}/{{path}}?q={{v}}',
      params: [
        { name: '{{v}}-name', value: '{{v}}-value' },
        { name: 'off', value: '{{missing}}', enabled: false },
      ],
      headers: [{ name: 'X-{{v}}', value: '{{ v }}' }],
      auth: { kind: 'basic', username: 'u-{{v}}', password: '{{pw}}' },
      variables: [
        { name: 'path', value: 'users/{{v}}', enabled: true },
        { name: 'v', value: 'req', enabled: true },
        { name: 'ignored', value: '{{nowhere}}', enabled: false },
      ],
    });
    const before = structuredClone(input);
    const { spec: out, resolution } = resolveRequestSpec(input, layers);
    expect(out.url).toBe('https://api.example.com/users/req?q=req');
    expect(out.params).toEqual([
      { name: 'req-name', value: 'req-value', enabled: true },
      { name: 'off', value: '{{missing}}', enabled: false },
    ]);
    expect(out.headers).toEqual([{ name: 'X-req', value: 'req', enabled: true }]);
    expect(out.auth).toEqual({ kind: 'basic', username: 'u-req', password: 'hunter2-pw' });
    expect(out.settings).toEqual(input.settings);
    expect(out.variables).toEqual(input.variables);
    expect(input).toEqual(before);
    expect(resolution.unresolved).toEqual([]);
    expect(resolution.secretValues).toEqual(['hunter2-pw']);
    expect(resolution.used.map((use) => `${use.name}:${use.source}`)).toEqual(['host:environment', 'path:request', 'v:request', 'pw:environment']);
  });

  it('resolves JSON and text bodies', () => {
    expect(resolveRequestSpec(spec({ body: { kind: 'json', text: '{"h":"{{host}}","n":{{n}}}' } }), layers).spec.body).toEqual({
      kind: 'json',
      text: '{"h":"api.example.com","n":{{n}}}',
    });
    expect(resolveRequestSpec(spec({ body: { kind: 'text', text: 'v={{v}}', contentType: 'text/{{v}}' } }), layers).spec.body).toEqual({
      kind: 'text',
      text: 'v=V',
      contentType: 'text/V',
    });
  });

  it('resolves form fields and multipart names and text values, not file bytes', () => {
    const file = { fileName: '{{v}}.bin', contentType: 'application/octet-stream', dataBase64: 'e3t2fX0=' };
    const form = resolveRequestSpec(
      spec({
        body: {
          kind: 'form',
          fields: [
            { name: '{{v}}', value: '{{host}}' },
            { name: '{{x}}', value: '', enabled: false },
          ],
        },
      }),
      layers,
    );
    expect(form.spec.body).toEqual({
      kind: 'form',
      fields: [
        { name: 'V', value: 'api.example.com', enabled: true },
        { name: '{{x}}', value: '', enabled: false },
      ],
    });
    const multipart = resolveRequestSpec(
      spec({
        body: {
          kind: 'multipart',
          parts: [
            { kind: 'text', name: 't-{{v}}', value: '{{host}}' },
            { kind: 'file', name: 'f-{{v}}', file },
          ],
        },
      }),
      layers,
    );
    expect(multipart.spec.body).toEqual({
      kind: 'multipart',
      parts: [
        { kind: 'text', name: 't-V', value: 'api.example.com', enabled: true },
        { kind: 'file', name: 'f-V', file, enabled: true },
      ],
    });
    const binary = resolveRequestSpec(spec({ body: { kind: 'binary', file } }), layers);
    expect(binary.spec.body).toEqual({ kind: 'binary', file });
  });

  it('resolves every text field of each auth kind', () => {
    const auth = (input: HttpRequestSpecInput['auth']): unknown => resolveRequestSpec(spec({ auth: input }), layers).spec.auth;
    expect(auth({ kind: 'bearer', token: '{{pw}}', prefix: '{{v}}' })).toEqual({ kind: 'bearer', token: 'hunter2-pw', prefix: 'V' });
    expect(auth({ kind: 'apikey', name: 'X-{{v}}', value: '{{pw}}', in: 'query' })).toEqual({
      kind: 'apikey',
      name: 'X-V',
      value: 'hunter2-pw',
      in: 'query',
    });
    expect(auth({ kind: 'digest', username: '{{v}}', password: '{{pw}}' })).toEqual({ kind: 'digest', username: 'V', password: 'hunter2-pw' });
    expect(
      auth({
        kind: 'oauth2',
        tokenUrl: 'https://{{host}}/token',
        authorizationUrl: 'https://{{host}}/auth',
        clientId: 'id-{{v}}',
        clientSecret: '{{pw}}',
        scope: 'read:{{v}}',
        audience: '{{v}}',
        headerPrefix: '{{v}}',
        redirectPort: 8123,
      }),
    ).toMatchObject({
      tokenUrl: 'https://api.example.com/token',
      authorizationUrl: 'https://api.example.com/auth',
      clientId: 'id-V',
      clientSecret: 'hunter2-pw',
      scope: 'read:V',
      audience: 'V',
      headerPrefix: 'V',
      redirectPort: 8123,
      grant: 'client_credentials',
    });
  });

  it('lists unresolved references across fields and surfaces vault errors', () => {
    const { resolution } = resolveRequestSpec(spec({ url: 'https://{{nohost}}/', headers: [{ name: 'A', value: '{{nohost}}{{other}}' }] }), layers);
    expect(resolution.unresolved).toEqual(['nohost', 'other']);
    const locked: VariableLayer = { scope: 'global', label: 'G', variables: [{ name: 's', value: null, secret: true, unavailable: 'locked' }] };
    expect(() => resolveRequestSpec(spec({ headers: [{ name: 'A', value: '{{s}}' }] }), [locked])).toThrow(CourierError);
    expect(() => resolveRequestSpec(spec({ headers: [{ name: 'A', value: '{{s}}', enabled: false }] }), [locked])).not.toThrow();
  });

  it('detects a cycle through request variables', () => {
    const input = spec({
      url: '{{a}}',
      variables: [
        { name: 'a', value: '{{b}}', enabled: true },
        { name: 'b', value: '{{a}}', enabled: true },
      ],
    });
    expect(() => resolveRequestSpec(input, layers)).toThrow('Variable “a” refers to itself: a → b → a');
  });
});
