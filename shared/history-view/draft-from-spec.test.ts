import { describe, expect, it } from 'vitest';
import { httpRequestSpecSchema, type HttpRequestSpecInput } from '../contract/http';
import { buildRequestSpec } from '../request/build-spec';
import { draftFromSpec } from './draft-from-spec';

const spec = (input: HttpRequestSpecInput) => httpRequestSpecSchema.parse(input);

describe('draftFromSpec', () => {
  it('round-trips what the builder sends', () => {
    const cases: HttpRequestSpecInput[] = [
      { method: 'GET', url: 'http://h/x?a=1&b=two' },
      { method: 'POST', url: 'http://h/echo', headers: [{ name: 'X-Trace', value: 'demo' }], body: { kind: 'json', text: '{"a":1}' } },
      { method: 'PUT', url: 'http://h/', body: { kind: 'text', text: 'hello', contentType: 'text/plain' } },
      { method: 'PUT', url: 'http://h/', body: { kind: 'text', text: '<a/>', contentType: 'application/xml' } },
      { method: 'POST', url: 'http://h/', body: { kind: 'form', fields: [{ name: 'a', value: '1' }] } },
      { method: 'POST', url: 'http://h/', body: { kind: 'multipart', parts: [{ kind: 'text', name: 'n', value: 'v' }] } },
      { method: 'POST', url: 'http://h/', body: { kind: 'binary', file: { fileName: 'f.bin', dataBase64: 'AAE=' } } },
      { method: 'GET', url: 'http://h/', settings: { followRedirects: false, connectTimeoutMs: 1234 } },
    ];
    for (const input of cases) {
      const original = spec(input);
      expect(buildRequestSpec(draftFromSpec(original))).toEqual(original);
    }
  });

  it('shows the URL query in the params table', () => {
    const draft = draftFromSpec(spec({ method: 'GET', url: 'http://h/x?a=1&b=two' }));
    expect(draft.params.map((p) => [p.name, p.value])).toEqual([
      ['a', '1'],
      ['b', 'two'],
    ]);
  });

  it('folds separately carried params into the URL', () => {
    const draft = draftFromSpec(spec({ method: 'GET', url: 'http://h/x?a=1', params: [{ name: 'q', value: 'two words' }] }));
    expect(draft.url).toBe('http://h/x?a=1&q=two%20words');
    expect(draft.params).toHaveLength(2);
  });

  it('keeps a content type the builder has no editor for as a header', () => {
    const draft = draftFromSpec(spec({ method: 'POST', url: 'http://h/', body: { kind: 'text', text: 'query {}', contentType: 'application/graphql' } }));
    expect(draft.body.kind).toBe('text');
    expect(draft.headers.map((h) => [h.name, h.value])).toEqual([['Content-Type', 'application/graphql']]);
  });

  it('keeps disabled headers disabled', () => {
    const draft = draftFromSpec(spec({ method: 'GET', url: 'http://h/', headers: [{ name: 'A', value: '1', enabled: false }] }));
    expect(draft.headers[0]).toMatchObject({ name: 'A', enabled: false });
  });
});
