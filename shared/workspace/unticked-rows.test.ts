import { describe, expect, it } from 'vitest';
import { draftFromSpec } from '../history-view';
import { buildRequestSpec, buildStoredSpec, createDraft, createRow, draftReducer, paramsFromUrl } from '../request';
import { parseRequest, serializeRequest } from './request-file';
import { tabsFromSession, tabsToSession } from './tabs';

/** A draft as the user leaves it: two params with one unticked, an unticked header and an unticked form field. */
function editedDraft() {
  let draft = createDraft({ method: 'POST', url: 'http://localhost:1/items?page=2&debug=1', params: paramsFromUrl('http://localhost:1/items?page=2&debug=1') });
  draft = draftReducer(draft, { type: 'params', params: draft.params.map((row) => (row.name === 'debug' ? { ...row, enabled: false } : row)) });
  draft = {
    ...draft,
    headers: [createRow({ name: 'Accept', value: 'text/plain' }), createRow({ name: 'X-Trace', value: 'on', enabled: false })],
    body: { ...draft.body, kind: 'form', form: [createRow({ name: 'a', value: '1' }), createRow({ name: 'b', value: '2', enabled: false })] },
  };
  return draft;
}

const summary = (rows: readonly { name: string; value: string; enabled: boolean }[]) => rows.map((r) => `${r.enabled ? '[x]' : '[ ]'} ${r.name}=${r.value}`);

describe('unticked rows', () => {
  it('survive saving to a request file and reopening, and are still not sent', () => {
    const draft = editedDraft();
    expect(draft.url).toBe('http://localhost:1/items?page=2');
    const parsed = parseRequest(serializeRequest('Items', buildStoredSpec(draft)).text);
    if (!parsed.ok) throw new Error(parsed.error);
    const reopened = draftFromSpec(parsed.value.request);
    expect(reopened.url).toBe('http://localhost:1/items?page=2');
    expect(summary(reopened.params)).toEqual(['[x] page=2', '[ ] debug=1']);
    expect(summary(reopened.headers)).toEqual(['[x] Accept=text/plain', '[ ] X-Trace=on']);
    expect(reopened.body.kind).toBe('form');
    expect(summary(reopened.body.form)).toEqual(['[x] a=1', '[ ] b=2']);

    const sent = buildRequestSpec(reopened);
    expect(sent.url).toBe('http://localhost:1/items?page=2');
    expect(sent.params).toEqual([]);
    expect(sent.headers.map((h) => h.name)).toEqual(['Accept']);
    expect(sent.body).toEqual({ kind: 'form', fields: [{ name: 'a', value: '1', enabled: true }] });
  });

  it('survive a restart through the session', () => {
    const draft = editedDraft();
    const back = tabsFromSession(tabsToSession({ tabs: [{ id: 't1', path: 'items.request.json', name: 'Items', draft, dirty: true }], activeId: 't1' }));
    const tab = back!.tabs[0]!;
    expect(summary(tab.draft.params)).toEqual(['[x] page=2', '[ ] debug=1']);
    expect(summary(tab.draft.headers)).toEqual(['[x] Accept=text/plain', '[ ] X-Trace=on']);
  });

  it('ticking a reopened param puts it back into the URL', () => {
    const parsed = parseRequest(serializeRequest('Items', buildStoredSpec(editedDraft())).text);
    if (!parsed.ok) throw new Error(parsed.error);
    const reopened = draftFromSpec(parsed.value.request);
    const ticked = draftReducer(reopened, { type: 'params', params: reopened.params.map((row) => ({ ...row, enabled: true })) });
    expect(ticked.url).toBe('http://localhost:1/items?page=2&debug=1');
  });
});
