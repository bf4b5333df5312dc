import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, httpRequestSpecSchema, type FileRef } from '../contract/http';
import { buildAuthRequestSpec, buildRequestBody, buildRequestSpec } from './build-spec';
import { createDraft, type BodyDraft } from './draft';
import { draftFromSpec } from '../history-view/draft-from-spec';
import { draftReducer } from './draft-reducer';

const file: FileRef = { fileName: 'a.png', contentType: 'image/png', dataBase64: 'iVBORw==' };

function body(partial: Partial<BodyDraft>): BodyDraft {
  return { ...createDraft().body, ...partial };
}

describe('buildRequestSpec', () => {
  it('builds a schema-valid spec from the draft, with enabled non-blank headers only', () => {
    const spec = buildRequestSpec(
      createDraft({
        method: ' POST ',
        url: ' localhost:4000/users?a=1 ',
        params: [{ id: 'p', name: 'off', value: '1', enabled: false }],
        headers: [
          { id: '1', name: ' X-Test ', value: 'yes', enabled: true },
          { id: '2', name: 'X-Off', value: 'no', enabled: false },
          { id: '3', name: '', value: '', enabled: true },
        ],
        body: body({ kind: 'json', json: '{"a":1}' }),
      }),
    );
    expect(spec).toEqual({
      method: 'POST',
      url: 'http://localhost:4000/users?a=1',
      params: [],
      headers: [{ name: 'X-Test', value: 'yes', enabled: true }],
      body: { kind: 'json', text: '{"a":1}' },
      settings: { ...DEFAULT_SETTINGS },
      auth: { kind: 'inherit' },
      variables: [],
    });
    expect(httpRequestSpecSchema.safeParse(spec).success).toBe(true);
  });

  it('carries the auth settings and the enabled request variables, names trimmed', () => {
    const spec = buildRequestSpec(
      createDraft({
        url: 'http://{{host}}',
        auth: { kind: 'bearer', token: '{{token}}', prefix: 'Bearer' },
        variables: [
          { id: 'a', name: ' host ', value: 'example.test', enabled: true },
          { id: 'b', name: 'off', value: 'x', enabled: false },
          { id: 'c', name: '', value: '', enabled: true },
        ],
      }),
    );
    expect(spec.auth).toEqual({ kind: 'bearer', token: '{{token}}', prefix: 'Bearer' });
    expect(spec.variables).toEqual([{ name: 'host', value: 'example.test', enabled: true }]);
    expect(httpRequestSpecSchema.safeParse(spec).success).toBe(true);
  });

  it('leaves the body and headers out of the spec the OAuth methods get', () => {
    const draft = createDraft({
      url: 'http://x',
      headers: [{ id: '1', name: 'X-A', value: 'a', enabled: true }],
      body: body({ kind: 'binary', binary: file }),
      auth: { kind: 'bearer', token: 't', prefix: 'Bearer' },
      variables: [{ id: 'v', name: 'a', value: '1', enabled: true }],
    });
    const spec = buildAuthRequestSpec(draft);
    expect(spec.body).toEqual({ kind: 'none' });
    expect(spec.headers).toEqual([]);
    expect(spec.auth).toEqual(draft.auth);
    expect(spec.variables).toEqual([{ name: 'a', value: '1', enabled: true }]);
    expect(httpRequestSpecSchema.safeParse(spec).success).toBe(true);
  });

  it("carries a request's scripts from its file through the draft and back, so editing never drops them", () => {
    const spec = httpRequestSpecSchema.parse({
      method: 'GET',
      url: 'https://a.test/',
      scripts: { preRequest: 'pm.variables.set("a", 1);', postResponse: 'pm.test("t", () => {});' },
    });
    const draft = draftFromSpec(spec);
    expect(buildRequestSpec(draft).scripts).toEqual(spec.scripts);
    const edited = draftReducer(draft, { type: 'scripts', scripts: { postResponse: 'pm.test("u", () => {});' } });
    expect(buildRequestSpec(edited).scripts).toEqual({ postResponse: 'pm.test("u", () => {});' });
    expect(buildRequestSpec(createDraft({ url: 'https://a.test/' }))).not.toHaveProperty('scripts');
  });

  it('keeps a custom method as typed', () => {
    expect(buildRequestSpec(createDraft({ method: 'PROPFIND', url: 'http://x' })).method).toBe('PROPFIND');
  });

  it('copies settings', () => {
    const settings = { ...DEFAULT_SETTINGS, followRedirects: false, connectTimeoutMs: 500 };
    expect(buildRequestSpec(createDraft({ url: 'http://x', settings })).settings).toEqual(settings);
  });
});

describe('buildRequestBody', () => {
  it('none', () => {
    expect(buildRequestBody(body({ kind: 'none', json: '{"ignored":1}' }))).toEqual({ kind: 'none' });
  });
  it('json (sent even when invalid)', () => {
    expect(buildRequestBody(body({ kind: 'json', json: '{bad' }))).toEqual({ kind: 'json', text: '{bad' });
  });
  it('text and xml', () => {
    expect(buildRequestBody(body({ kind: 'text', text: 'hi' }))).toEqual({ kind: 'text', text: 'hi', contentType: 'text/plain' });
    expect(buildRequestBody(body({ kind: 'xml', xml: '<a/>' }))).toEqual({ kind: 'text', text: '<a/>', contentType: 'application/xml' });
  });
  it('form: enabled non-blank fields, names untrimmed', () => {
    expect(
      buildRequestBody(
        body({
          kind: 'form',
          form: [
            { id: '1', name: 'a b', value: '1', enabled: true },
            { id: '2', name: 'off', value: '2', enabled: false },
            { id: '3', name: '', value: '', enabled: true },
          ],
        }),
      ),
    ).toEqual({ kind: 'form', fields: [{ name: 'a b', value: '1', enabled: true }] });
  });
  it('multipart: text and file parts, disabled and blank rows dropped', () => {
    const result = buildRequestBody(
      body({
        kind: 'multipart',
        multipart: [
          { id: '1', kind: 'text', name: 'title', value: 'Hi', file: null, enabled: true },
          { id: '2', kind: 'file', name: 'upload', value: '', file, enabled: true },
          { id: '3', kind: 'text', name: 'off', value: 'x', file: null, enabled: false },
          { id: '4', kind: 'text', name: '', value: '', file: null, enabled: true },
        ],
      }),
    );
    expect(result).toEqual({
      kind: 'multipart',
      parts: [
        { kind: 'text', name: 'title', value: 'Hi', enabled: true },
        { kind: 'file', name: 'upload', file, enabled: true },
      ],
    });
  });
  it('binary, with and without a file', () => {
    expect(buildRequestBody(body({ kind: 'binary', binary: file }))).toEqual({ kind: 'binary', file });
    expect(buildRequestBody(body({ kind: 'binary', binary: null }))).toEqual({ kind: 'binary', file: null });
  });
  it('every body kind passes the contract schema', () => {
    for (const kind of ['none', 'json', 'text', 'xml', 'form', 'multipart', 'binary'] as const) {
      const spec = buildRequestSpec(createDraft({ url: 'http://x', body: body({ kind }) }));
      expect(httpRequestSpecSchema.safeParse(spec).success).toBe(true);
    }
  });
});
