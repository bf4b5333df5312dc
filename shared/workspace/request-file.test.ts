import { describe, expect, it } from 'vitest';
import { httpRequestSpecSchema } from '../contract/http';
import { parseContainer, parseRequest, serializeContainer, serializeRequest } from './request-file';

const spec = (input: Parameters<typeof httpRequestSpecSchema.parse>[0]) => httpRequestSpecSchema.parse(input);

describe('request files', () => {
  it('round-trips a request and writes only what differs from defaults, in a fixed key order', () => {
    const request = spec({
      method: 'POST',
      url: 'https://api.example.com/users?page=1',
      headers: [
        { name: 'Accept', value: 'application/json' },
        { name: 'X-Off', value: '1', enabled: false },
      ],
      body: { kind: 'json', text: '{"a":1}' },
      auth: { kind: 'bearer', token: '{{token}}' },
      variables: [{ name: 'id', value: '7' }],
      settings: { verifyTls: false },
    });
    const { text, warnings } = serializeRequest('Create user', request);
    expect(warnings).toEqual([]);
    expect(text.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(text))).toEqual(['format', 'name', 'method', 'url', 'headers', 'body', 'auth', 'variables', 'settings']);
    expect(JSON.parse(text).settings).toEqual({ verifyTls: false });
    const parsed = parseRequest(text);
    expect(parsed).toEqual({ ok: true, value: { name: 'Create user', request } });
    // Same input, same bytes: saving an unchanged request leaves git with nothing to show.
    expect(serializeRequest('Create user', request).text).toBe(text);
  });

  it('saves "Send and store cookies" off in the file; a file without it (older ones) sends and stores cookies', () => {
    const off = spec({ method: 'GET', url: 'https://x.test/', settings: { useCookieJar: false } });
    const { text } = serializeRequest('No cookies', off);
    expect(JSON.parse(text).settings).toEqual({ useCookieJar: false });
    expect(parseRequest(text)).toEqual({ ok: true, value: { name: 'No cookies', request: off } });
    const old = parseRequest(JSON.stringify({ format: 2, name: 'Old', method: 'GET', url: 'https://x.test/', settings: { verifyTls: false } }));
    expect(old.ok && old.value.request.settings).toMatchObject({ useCookieJar: true, verifyTls: false });
    expect(JSON.parse(serializeRequest('On', spec({ method: 'GET', url: 'https://x.test/' })).text)).not.toHaveProperty('settings');
  });

  it('keeps settings written as {{variables}}', () => {
    const request = spec({ method: 'GET', url: 'https://x.test/', settingTemplates: { connectTimeoutMs: '{{timeout}}' } });
    const { text } = serializeRequest('Slow', request);
    expect(JSON.parse(text).settingTemplates).toEqual({ connectTimeoutMs: '{{timeout}}' });
    expect(parseRequest(text)).toEqual({ ok: true, value: { name: 'Slow', request } });
  });

  it('keeps pre-request and post-response scripts; files without them load as before', () => {
    const spec = httpRequestSpecSchema.parse({
      method: 'GET',
      url: 'https://a.test/',
      scripts: { preRequest: 'pm.variables.set("a", 1);', postResponse: 'pm.test("ok", () => {});\n' },
    });
    const stored = serializeRequest('Scripted', spec);
    expect(JSON.parse(stored.text).scripts).toEqual({ preRequest: 'pm.variables.set("a", 1);', postResponse: 'pm.test("ok", () => {});\n' });
    const parsed = parseRequest(stored.text);
    expect(parsed.ok && parsed.value.request.scripts).toEqual(spec.scripts);
    const blank = serializeRequest('Blank', httpRequestSpecSchema.parse({ method: 'GET', url: 'https://a.test/', scripts: { preRequest: '  ' } }));
    expect(JSON.parse(blank.text)).not.toHaveProperty('scripts');
    const old = parseRequest(JSON.stringify({ format: 2, name: 'Old', method: 'GET', url: 'https://a.test/' }));
    expect(old.ok && old.value.request.scripts).toBeUndefined();
    const container = serializeContainer({
      settings: { name: 'API', variables: [], headers: [], auth: { kind: 'none' }, scripts: { postResponse: 'pm.test("c", () => {});' } },
      order: [],
    });
    const readBack = parseContainer(container.text, 'x');
    expect(readBack.ok && readBack.value.settings.scripts).toEqual({ postResponse: 'pm.test("c", () => {});' });
  });

  it('keeps a minimal request minimal', () => {
    const { text } = serializeRequest('Ping', spec({ method: 'GET', url: 'https://x.test/' }));
    expect(text).toBe('{\n  "format": 2,\n  "name": "Ping",\n  "method": "GET",\n  "url": "https://x.test/"\n}\n');
  });

  it('upgrades format 1: auth absent or "none" meant "take the collection\'s auth", so it reads as inherit', () => {
    const v1 = (auth?: unknown) => JSON.stringify({ name: 'Old', method: 'GET', url: 'https://x.test/', ...(auth ? { auth } : {}) });
    const authOf = (text: string) => {
      const parsed = parseRequest(text);
      return parsed.ok ? parsed.value.request.auth : null;
    };
    expect(authOf(v1())).toEqual({ kind: 'inherit' });
    expect(authOf(v1({ kind: 'none' }))).toEqual({ kind: 'inherit' });
    expect(authOf(v1({ kind: 'bearer', token: '{{t}}' }))).toMatchObject({ kind: 'bearer' });
    // format 2 writes No auth explicitly and leaves inherit out, and reads them back as written
    const none = serializeRequest('N', spec({ method: 'GET', url: 'https://x.test/', auth: { kind: 'none' } })).text;
    expect(JSON.parse(none)).toMatchObject({ format: 2, auth: { kind: 'none' } });
    expect(authOf(none)).toEqual({ kind: 'none' });
    const inherit = serializeRequest('I', spec({ method: 'GET', url: 'https://x.test/', auth: { kind: 'inherit' } })).text;
    expect(JSON.parse(inherit)).not.toHaveProperty('auth');
    expect(authOf(inherit)).toEqual({ kind: 'inherit' });
    expect(parseRequest(JSON.stringify({ format: 4, method: 'GET', url: '' }))).toMatchObject({ ok: false, error: expect.stringContaining('newer Courier') });
  });

  it('never writes a typed credential or file bytes, and says so', () => {
    const request = spec({
      method: 'POST',
      url: 'https://x.test/',
      auth: { kind: 'basic', username: 'ann', password: 'hunter2-literal' },
      body: { kind: 'binary', file: { fileName: 'a.bin', dataBase64: 'AAECAwQFBgc=' } },
    });
    const { text, warnings } = serializeRequest('Upload', request);
    expect(text).not.toContain('hunter2-literal');
    expect(text).not.toContain('AAECAwQFBgc=');
    expect(warnings).toHaveLength(1);
    const parsed = parseRequest(text);
    expect(parsed.ok && parsed.value.request.body).toEqual({
      kind: 'binary',
      file: { fileName: 'a.bin', contentType: 'application/octet-stream', dataBase64: '', unavailable: true },
    });
  });

  it('reports what is wrong with a file it cannot read', () => {
    expect(parseRequest('{ nope')).toMatchObject({ ok: false, error: expect.stringContaining('Not valid JSON') });
    expect(parseRequest('{"url": 3}')).toMatchObject({ ok: false, error: expect.stringContaining('Not a Courier file') });
  });

  it('round-trips a container and masks its literal credentials', () => {
    const file = {
      settings: {
        name: 'API',
        variables: [{ name: 'host', value: 'x.test', enabled: true }],
        headers: [],
        auth: { kind: 'bearer' as const, token: 'sk-literal-123', prefix: 'Bearer' },
      },
      order: ['b.request.json', 'a'],
    };
    const { text, warnings } = serializeContainer(file);
    expect(text).not.toContain('sk-literal-123');
    expect(warnings).toHaveLength(1);
    const parsed = parseContainer(text, 'fallback');
    expect(parsed.ok && parsed.value.order).toEqual(['b.request.json', 'a']);
    expect(parsed.ok && parsed.value.settings.variables).toEqual(file.settings.variables);
  });
});
