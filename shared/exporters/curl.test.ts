import { describe, expect, it } from 'vitest';
import { httpRequestSpecSchema, type HttpRequestSpecInput } from '../contract';
import { parseCurl } from '../importers/curl';
import type { VariableLayer } from '../variables';
import { toCurlBash, toCurlCmd } from './curl';
import { prepareExport } from './prepare';

const spec = (input: HttpRequestSpecInput) => httpRequestSpecSchema.parse(input);
const noVariables = { layers: [] as VariableLayer[] };

function roundTrip(input: HttpRequestSpecInput, shell: 'bash' | 'cmd') {
  const original = spec(input);
  const text = shell === 'bash' ? toCurlBash(prepareExport(original, noVariables)) : toCurlCmd(prepareExport(original, noVariables));
  const parsed = parseCurl(text);
  if (!parsed.ok) throw new Error(`${parsed.message}\n${text}`);
  return { original, parsed: parsed.request, text };
}

const awkward = `it's "quoted" \\ back\\slash %PATH% 100% ^caret & | < > $HOME \`tick\` ! é 😀\nsecond line\ttab`;

describe.each(['bash', 'cmd'] as const)('curl export (%s) → curl import gives the same request', (shell) => {
  it('GET with awkward header values', () => {
    const { original, parsed } = roundTrip({ method: 'GET', url: 'https://h.example/a?x=1&y=%20z', headers: [{ name: 'X-Awkward', value: awkward }] }, shell);
    expect(parsed.url).toBe(original.url);
    expect(parsed.method).toBe('GET');
    expect(parsed.headers).toEqual(original.headers);
  });
  it('JSON, text, form and multipart bodies and custom methods', () => {
    const json = roundTrip({ method: 'PATCH', url: 'https://h/j', body: { kind: 'json', text: `{"a":"${awkward.replace(/[\n\t"\\]/g, '')}"}` } }, shell);
    expect(json.parsed.method).toBe('PATCH');
    expect(json.parsed.body).toEqual(json.original.body);
    const text = roundTrip({ method: 'POST', url: 'https://h/t', body: { kind: 'text', text: awkward, contentType: 'text/plain' } }, shell);
    expect(text.parsed.body).toEqual(text.original.body);
    const form = roundTrip(
      {
        method: 'POST',
        url: 'https://h/f',
        body: {
          kind: 'form',
          fields: [
            { name: 'q', value: 'a b&c=d' },
            { name: 'e', value: 'é' },
          ],
        },
      },
      shell,
    );
    expect(form.parsed.body).toEqual(form.original.body);
    const multipart = roundTrip(
      { method: 'PUT', url: 'https://h/m', body: { kind: 'multipart', parts: [{ kind: 'text', name: 'n', value: '@not-a-file' }] } },
      shell,
    );
    expect(multipart.parsed.method).toBe('PUT');
    expect(multipart.parsed.body).toEqual(multipart.original.body);
  });
  it('insecure and basic auth references', () => {
    const { parsed } = roundTrip(
      { method: 'DELETE', url: 'https://h/d', settings: { verifyTls: false }, auth: { kind: 'basic', username: 'ann', password: '{{pass}}' } },
      shell,
    );
    expect(parsed.method).toBe('DELETE');
    expect(parsed.settings.verifyTls).toBe(false);
    expect(parsed.auth).toEqual({ kind: 'basic', username: 'ann', password: '{{pass}}' });
  });
});

describe('curl export and secrets', () => {
  const canary = 'CANARY-s3cret-7f1e';
  const layers: VariableLayer[] = [
    {
      scope: 'environment',
      label: 'Prod',
      variables: [
        { name: 'host', value: 'api.example.com', secret: false },
        { name: 'api_key', value: null, secret: true },
      ],
    },
    { scope: 'global', label: 'Globals', variables: [{ name: 'api_key', value: canary, secret: false }] },
  ];
  const request = spec({
    method: 'POST',
    url: 'https://{{host}}/v1?key={{api_key}}',
    headers: [
      { name: 'X-Key', value: '{{api_key}}' },
      { name: 'Authorization', value: `Bearer ${canary}` },
    ],
    body: { kind: 'json', text: `{"key":"{{api_key}}","pw":"${'{{'}$env.DB_PASS}}"}` },
    auth: { kind: 'apikey', name: 'X-Other', value: canary, in: 'header' },
  });

  it('writes plain variables by value and secrets as environment references, never the value', () => {
    const prepared = prepareExport(request, { layers });
    const bash = toCurlBash(prepared);
    const cmd = toCurlCmd(prepared);
    for (const text of [bash, cmd]) expect(text).not.toContain(canary);
    expect(bash).toContain(`'https://api.example.com/v1?key='"$api_key"`);
    expect(bash).toContain(`-H 'X-Key: '"$api_key"`);
    expect(bash).toContain(`'Authorization: Bearer '"$AUTHORIZATION_CREDENTIALS"`);
    expect(bash).toContain('"$DB_PASS"');
    expect(bash).toContain(`'X-Other: '"$API_KEY"`);
    expect(cmd).toContain('%api_key%');
    expect(prepared.envNames.sort()).toEqual(['API_KEY', 'AUTHORIZATION_CREDENTIALS', 'DB_PASS', 'api_key']);
  });

  it('imports the exported command back with the secrets as references', () => {
    const parsed = parseCurl(toCurlBash(prepareExport(request, { layers })));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.request.url).toBe('https://api.example.com/v1?key={{api_key}}');
    expect(parsed.request.headers.find((h) => h.name === 'X-Key')?.value).toBe('{{api_key}}');
  });
});
