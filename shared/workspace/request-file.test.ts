import { describe, expect, it } from 'vitest';
import { httpRequestSpecSchema } from '../contract/http';
import { parseContainer, parseRequest, serializeContainer, serializeRequest } from './request-file';

const spec = (input: Parameters<typeof httpRequestSpecSchema.parse>[0]) => httpRequestSpecSchema.parse(input);

describe('request files', () => {
  it('round-trips a request and writes only what differs from defaults, in a fixed key order', () => {
    const request = spec({
      method: 'POST',
      url: 'https://api.example.com/users?page=1',
      headers: [{ name: 'Accept', value: 'application/json' }, { name: 'X-Off', value: '1', enabled: false }],
      body: { kind: 'json', text: '{"a":1}' },
      auth: { kind: 'bearer', token: '{{token}}' },
      variables: [{ name: 'id', value: '7' }],
      settings: { verifyTls: false },
    });
    const { text, warnings } = serializeRequest('Create user', request);
    expect(warnings).toEqual([]);
    expect(text.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(text))).toEqual(['name', 'method', 'url', 'headers', 'body', 'auth', 'variables', 'settings']);
    expect(JSON.parse(text).settings).toEqual({ verifyTls: false });
    const parsed = parseRequest(text);
    expect(parsed).toEqual({ ok: true, value: { name: 'Create user', request } });
    // Same input, same bytes: saving an unchanged request leaves git with nothing to show.
    expect(serializeRequest('Create user', request).text).toBe(text);
  });

  it('keeps settings written as {{variables}}', () => {
    const request = spec({ method: 'GET', url: 'https://x.test/', settingTemplates: { connectTimeoutMs: '{{timeout}}' } });
    const { text } = serializeRequest('Slow', request);
    expect(JSON.parse(text).settingTemplates).toEqual({ connectTimeoutMs: '{{timeout}}' });
    expect(parseRequest(text)).toEqual({ ok: true, value: { name: 'Slow', request } });
  });

  it('keeps a minimal request minimal', () => {
    const { text } = serializeRequest('Ping', spec({ method: 'GET', url: 'https://x.test/' }));
    expect(text).toBe('{\n  "name": "Ping",\n  "method": "GET",\n  "url": "https://x.test/"\n}\n');
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
    expect(parsed.ok && parsed.value.request.body).toEqual({ kind: 'binary', file: { fileName: 'a.bin', contentType: 'application/octet-stream', dataBase64: '' } });
  });

  it('reports what is wrong with a file it cannot read', () => {
    expect(parseRequest('{ nope')).toMatchObject({ ok: false, error: expect.stringContaining('Not valid JSON') });
    expect(parseRequest('{"url": 3}')).toMatchObject({ ok: false, error: expect.stringContaining('Not a Courier file') });
  });

  it('round-trips a container and masks its literal credentials', () => {
    const file = {
      settings: { name: 'API', variables: [{ name: 'host', value: 'x.test', enabled: true }], headers: [], auth: { kind: 'bearer' as const, token: 'sk-literal-123', prefix: 'Bearer' } },
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
