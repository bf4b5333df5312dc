import { describe, expect, it } from 'vitest';
import { httpRequestSpecSchema } from '../contract/http';
import { parseRequest, serializeRequest } from './request-file';

const spec = (input: Parameters<typeof httpRequestSpecSchema.parse>[0]) => httpRequestSpecSchema.parse(input);

describe('request files: tests', () => {
  const request = spec({
    method: 'POST',
    url: 'https://x.test/login',
    tests: {
      assertions: [
        { target: 'status', operator: 'equals', expected: '200' },
        { target: 'jsonPath', property: '$.token', operator: 'exists', enabled: false },
        { target: 'regex', property: 'id=(\\d+)', group: 1, operator: 'greaterThan', expected: '{{min}}' },
      ],
      captures: [
        { source: 'jsonPath', expression: '$.token', variable: 'token', secret: true },
        { source: 'header', expression: 'X-Session', variable: 'session', scope: 'collection', enabled: false },
      ],
    },
  });

  it('round-trips assertions and captures, defaults left out, as format 3', () => {
    const { text } = serializeRequest('Login', request);
    const json = JSON.parse(text) as { format: number; tests: unknown };
    expect(json.format).toBe(3);
    expect(json.tests).toEqual({
      assertions: [
        { target: 'status', operator: 'equals', expected: '200' },
        { target: 'jsonPath', property: '$.token', operator: 'exists', enabled: false },
        { target: 'regex', property: 'id=(\\d+)', group: 1, operator: 'greaterThan', expected: '{{min}}' },
      ],
      captures: [
        { source: 'jsonPath', expression: '$.token', variable: 'token', secret: true },
        { source: 'header', expression: 'X-Session', variable: 'session', scope: 'collection', enabled: false },
      ],
    });
    expect(Object.keys(json).at(-1)).toBe('tests');
    expect(parseRequest(text)).toEqual({ ok: true, value: { name: 'Login', request } });
    expect(serializeRequest('Login', request).text).toBe(text);
  });

  it('a request without tests (or with empty lists) stays format 2 and has no tests key; old files load with none', () => {
    const plain = spec({ method: 'GET', url: 'https://x.test/', tests: { assertions: [], captures: [] } });
    expect(serializeRequest('Ping', plain).text).toBe('{\n  "format": 2,\n  "name": "Ping",\n  "method": "GET",\n  "url": "https://x.test/"\n}\n');
    const old = parseRequest('{"format":2,"name":"Old","method":"GET","url":"https://x.test/"}');
    expect(old.ok && old.value.request.tests).toBeUndefined();
  });

  it('refuses a file with a malformed row, naming where', () => {
    const bad = parseRequest(
      JSON.stringify({ format: 3, name: 'Bad', method: 'GET', url: 'https://x.test/', tests: { assertions: [{ target: 'nope', operator: 'equals' }] } }),
    );
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('tests.assertions.0.target') });
    expect(parseRequest(JSON.stringify({ format: 4, method: 'GET', url: 'https://x.test/' }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/newer Courier/),
    });
  });
});
