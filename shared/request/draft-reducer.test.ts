import { describe, expect, it } from 'vitest';
import { createDraft } from './draft';
import { draftReducer } from './draft-reducer';

describe('draftReducer', () => {
  it('updates the params table when the URL is edited', () => {
    const draft = draftReducer(createDraft(), { type: 'url', url: 'http://x/?a=1&b=2' });
    expect(draft.params.map((p) => [p.name, p.value, p.enabled])).toEqual([
      ['a', '1', true],
      ['b', '2', true],
    ]);
  });
  it('updates the URL when the table is edited, keeping disabled rows out of it but in the table', () => {
    let draft = draftReducer(createDraft(), { type: 'url', url: 'http://x/?a=1&b=2#f' });
    draft = draftReducer(draft, { type: 'params', params: draft.params.map((p) => (p.name === 'a' ? { ...p, enabled: false } : p)) });
    expect(draft.url).toBe('http://x/?b=2#f');
    expect(draft.params.map((p) => [p.name, p.enabled])).toEqual([
      ['a', false],
      ['b', true],
    ]);
    // editing the URL afterwards keeps the disabled row
    draft = draftReducer(draft, { type: 'url', url: 'http://x/?b=3&c=4#f' });
    expect(draft.params.map((p) => [p.name, p.value, p.enabled])).toEqual([
      ['a', '1', false],
      ['b', '3', true],
      ['c', '4', true],
    ]);
  });
  it("merges body edits and keeps other kinds' content", () => {
    let draft = draftReducer(createDraft(), { type: 'body', body: { kind: 'json', json: '{}' } });
    draft = draftReducer(draft, { type: 'body', body: { kind: 'xml' } });
    expect(draft.body.kind).toBe('xml');
    expect(draft.body.json).toBe('{}');
  });
});
