import { describe, expect, it } from 'vitest';
import { buildStoredSpec, createDraft } from '../request';
import { initialTabs, otherTabIds, tabsFromSession, tabsReducer, tabsToSession } from './tabs';
import { visibleNodes } from './tree-view';

describe('tabs', () => {
  it('opens, marks edits, saves, closes (never leaving zero tabs)', () => {
    let state = initialTabs('a');
    state = tabsReducer(state, { type: 'open', id: 'b', path: 'c/x.request.json', name: 'X', draft: createDraft({ url: 'https://x.test/' }) });
    expect(state.tabs.map((t) => t.id)).toEqual(['b']);
    state = tabsReducer(state, { type: 'open', id: 'c', path: null, name: 'New', draft: createDraft() });
    state = tabsReducer(state, { type: 'open', id: 'd', path: 'c/x.request.json', name: 'X', draft: createDraft() });
    expect(state.activeId).toBe('b');
    state = tabsReducer(state, { type: 'edit', id: 'b', action: { type: 'url', url: 'https://y.test/' } });
    expect(state.tabs[0]).toMatchObject({ dirty: true, draft: { url: 'https://y.test/' } });
    state = tabsReducer(state, { type: 'external', path: 'c/x.request.json', name: 'X', draft: createDraft({ url: 'https://theirs/' }) });
    expect(state.tabs[0]?.draft.url).toBe('https://y.test/');
    state = tabsReducer(state, { type: 'saved', id: 'b', path: 'c/x.request.json', name: 'X' });
    state = tabsReducer(state, { type: 'external', path: 'c/x.request.json', name: 'X2', draft: createDraft({ url: 'https://theirs/' }) });
    expect(state.tabs[0]).toMatchObject({ name: 'X2', dirty: false, draft: { url: 'https://theirs/' } });
    state = tabsReducer(state, { type: 'moved', from: 'c', to: 'd' });
    expect(state.tabs[0]?.path).toBe('d/x.request.json');
    state = tabsReducer(state, { type: 'close', id: 'b', newId: 'n1' });
    expect(state.activeId).toBe('c');
    state = tabsReducer(state, { type: 'close', id: 'c', newId: 'n2' });
    expect(state.tabs.map((t) => t.id)).toEqual(['n2']);
  });

  it('a deleted file leaves its tabs (and those inside a deleted folder) as unsaved drafts, edits kept; undo links them back', () => {
    let state = initialTabs('a');
    state = tabsReducer(state, { type: 'open', id: 'b', path: 'c/x.request.json', name: 'X', draft: createDraft({ url: 'https://x.test/' }) });
    state = tabsReducer(state, { type: 'open', id: 'c', path: 'c/f/y.request.json', name: 'Y', draft: createDraft() });
    state = tabsReducer(state, { type: 'open', id: 'd', path: 'other/z.request.json', name: 'Z', draft: createDraft() });
    state = tabsReducer(state, { type: 'edit', id: 'c', action: { type: 'url', url: 'https://typed/' } });
    const deleted = tabsReducer(state, { type: 'deleted', path: 'c' });
    expect(deleted.tabs.map((t) => [t.id, t.name, t.path, t.dirty])).toEqual([
      ['b', 'X', null, true],
      ['c', 'Y', null, true],
      ['d', 'Z', 'other/z.request.json', false],
    ]);
    expect(deleted.tabs[1]?.draft.url).toBe('https://typed/');
    expect(deleted.tabs[0]?.deleted).toEqual({ from: 'c/x.request.json', dirty: false });
    // undo: the tabs untouched since are saved again at their paths; one edited since stays a draft
    const edited = tabsReducer(deleted, { type: 'edit', id: 'b', action: { type: 'url', url: 'https://later/' } });
    const undone = tabsReducer(edited, { type: 'undeleted', path: 'c' });
    expect(undone.tabs.map((t) => [t.id, t.path, t.dirty])).toEqual([
      ['b', 'c/x.request.json', true],
      ['c', 'c/f/y.request.json', true],
      ['d', 'other/z.request.json', false],
    ]);
    const clean = tabsReducer(tabsReducer(state, { type: 'deleted', path: 'c/x.request.json' }), { type: 'undeleted', path: 'c/x.request.json' });
    expect(clean.tabs[0]).toMatchObject({ path: 'c/x.request.json', dirty: false });
  });

  it('closes others and all; the kept tab becomes active and closing everything leaves a blank request', () => {
    let state = initialTabs('a');
    for (const id of ['b', 'c', 'd'])
      state = tabsReducer(state, { type: 'open', id, path: `c/${id}.request.json`, name: id.toUpperCase(), draft: createDraft() });
    expect(state.tabs.map((t) => t.id)).toEqual(['b', 'c', 'd']);
    expect(state.activeId).toBe('d');
    const others = tabsReducer(state, { type: 'closeMany', ids: otherTabIds(state, 'c'), newId: 'n', activate: 'c' });
    expect(others).toEqual({ tabs: [state.tabs[1]], activeId: 'c' });
    // the active tab closing without a wish: the nearest one that stays
    const some = tabsReducer(state, { type: 'closeMany', ids: ['c', 'd'], newId: 'n' });
    expect(some.activeId).toBe('b');
    const all = tabsReducer(state, { type: 'closeMany', ids: state.tabs.map((t) => t.id), newId: 'n' });
    expect(all.tabs.map((t) => [t.id, t.name, t.path])).toEqual([['n', 'Untitled request', null]]);
    expect(all.activeId).toBe('n');
    expect(tabsReducer(state, { type: 'closeMany', ids: ['zzz'], newId: 'n' })).toBe(state);
  });

  it('round-trips through the session', () => {
    let state = initialTabs('a');
    state = tabsReducer(state, { type: 'edit', id: 'a', action: { type: 'url', url: 'https://x.test/?q=1' } });
    const back = tabsFromSession(tabsToSession(state));
    expect(back?.tabs[0]).toMatchObject({ id: 'a', dirty: true, draft: { url: 'https://x.test/?q=1' } });
    state = tabsReducer(state, {
      type: 'edit',
      id: 'a',
      action: { type: 'body', body: { kind: 'binary', binary: { fileName: 'a.bin', contentType: 'x/y', dataBase64: 'QUJD' } } },
    });
    expect(tabsToSession(state).tabs[0]?.request.body).toEqual({
      kind: 'binary',
      file: { fileName: 'a.bin', contentType: 'x/y', dataBase64: '', unavailable: true },
    });
  });
});

describe('the session coming back after the window is up', () => {
  const session = () =>
    tabsFromSession({
      tabs: [
        { id: 's1', path: 'c/saved.request.json', name: 'Saved', request: buildStoredSpec(createDraft({ url: 'https://saved/' })), dirty: false },
        { id: 's2', path: null, name: 'Untitled request', request: buildStoredSpec(createDraft({ url: 'https://draft/' })), dirty: true },
        { id: 's3', path: null, name: 'Untitled request', request: buildStoredSpec(createDraft()), dirty: false },
      ],
      activeId: 's2',
    })!;

  it('replaces the blank tab of a window nobody has touched, the session choosing the tab shown', () => {
    const state = tabsReducer(initialTabs('a'), { type: 'restore', state: session(), userStarted: false });
    expect(state).toEqual(session());
  });

  it('keeps the tab the user typed in, after the session tabs and still shown; blank session tabs are not added beside it', () => {
    const typed = tabsReducer(initialTabs('a'), { type: 'edit', id: 'a', action: { type: 'url', url: 'http://typ' } });
    for (const userStarted of [true, false]) {
      const state = tabsReducer(typed, { type: 'restore', state: session(), userStarted });
      expect(state.tabs.map((t) => [t.id, t.draft.url])).toEqual([
        ['s1', 'https://saved/'],
        ['s2', 'https://draft/'],
        ['a', 'http://typ'],
      ]);
      expect(state.activeId).toBe('a');
      // the keys that follow land in it
      expect(tabsReducer(state, { type: 'edit', id: 'a', action: { type: 'url', url: 'http://typed/' } }).tabs[2]?.draft.url).toBe('http://typed/');
    }
  });

  it('keeps the blank tab the user is on once they have started (a click, a key), shown', () => {
    const state = tabsReducer(initialTabs('a'), { type: 'restore', state: session(), userStarted: true });
    expect(state.tabs.map((t) => t.id)).toEqual(['s1', 's2', 'a']);
    expect(state.activeId).toBe('a');
  });

  it('a file open on both sides is one tab: the copy with unsaved edits, else the one on screen', () => {
    const opened = (dirty: boolean) => {
      let state = tabsReducer(initialTabs('a'), {
        type: 'open',
        id: 'b',
        path: 'c/saved.request.json',
        name: 'Saved',
        draft: createDraft({ url: 'https://saved/' }),
      });
      if (dirty) state = tabsReducer(state, { type: 'edit', id: 'b', action: { type: 'url', url: 'https://mine/' } });
      return state;
    };
    const clean = tabsReducer(opened(false), { type: 'restore', state: session(), userStarted: true });
    expect(clean.tabs.map((t) => t.id)).toEqual(['s2', 'b']);
    expect(clean.activeId).toBe('b');
    const edited = tabsReducer(opened(true), { type: 'restore', state: session(), userStarted: true });
    expect(edited.tabs.map((t) => [t.id, t.draft.url])).toEqual([
      ['s2', 'https://draft/'],
      ['b', 'https://mine/'],
    ]);
    const theirsEdited = session();
    theirsEdited.tabs[0] = { ...theirsEdited.tabs[0]!, dirty: true, draft: createDraft({ url: 'https://theirs-unsaved/' }) };
    const kept = tabsReducer(opened(false), { type: 'restore', state: theirsEdited, userStarted: true });
    expect(kept.tabs.map((t) => [t.id, t.draft.url])).toEqual([
      ['s1', 'https://theirs-unsaved/'],
      ['s2', 'https://draft/'],
    ]);
    expect(kept.activeId).toBe('s1');
  });

  it('an empty session leaves the window as it is', () => {
    const state = initialTabs('a');
    expect(tabsReducer(state, { type: 'restore', state: { tabs: [], activeId: 'x' }, userStarted: false })).toBe(state);
  });
});

describe('visibleNodes', () => {
  it('hides the rows under collapsed containers', () => {
    const nodes = [
      { path: 'a', kind: 'collection' as const, name: 'A', depth: 0, parent: null },
      { path: 'a/f', kind: 'folder' as const, name: 'F', depth: 1, parent: 'a' },
      { path: 'a/f/r', kind: 'request' as const, name: 'R', depth: 2, parent: 'a/f' },
      { path: 'a/s', kind: 'request' as const, name: 'S', depth: 1, parent: 'a' },
      { path: 'b', kind: 'collection' as const, name: 'B', depth: 0, parent: null },
    ];
    expect(visibleNodes(nodes, new Set(['a/f'])).map((n) => n.path)).toEqual(['a', 'a/f', 'a/s', 'b']);
    expect(visibleNodes(nodes, new Set(['a'])).map((n) => n.path)).toEqual(['a', 'b']);
  });

  it("remembers which history entry holds each tab's response, through the session, without marking the tab edited", () => {
    let state = initialTabs('z');
    state = tabsReducer(state, { type: 'open', id: 'a', path: 'c/a.request.json', name: 'A', draft: createDraft({ url: 'https://a.test/' }) });
    state = tabsReducer(state, { type: 'open', id: 'b', path: null, name: 'B', draft: createDraft({ url: 'https://b.test/' }), dirty: true });
    state = tabsReducer(state, { type: 'response', id: 'a', entryId: 11 });
    state = tabsReducer(state, { type: 'response', id: 'b', entryId: 12 });
    expect(state.tabs.map((t) => [t.id, t.responseEntryId, t.dirty])).toEqual([
      ['a', 11, false],
      ['b', 12, true],
    ]);
    expect(tabsReducer(state, { type: 'response', id: 'a', entryId: 11 })).toBe(state);
    const session = tabsToSession(state);
    expect(session.tabs.map((t) => t.responseEntryId)).toEqual([11, 12]);
    expect(JSON.stringify(session)).not.toContain('body-bytes');
    const back = tabsFromSession(session)!;
    expect(back.tabs.map((t) => t.responseEntryId)).toEqual([11, 12]);
    // a failed send: no response to bring back
    const cleared = tabsReducer(back, { type: 'response', id: 'b', entryId: null });
    expect(tabsToSession(cleared).tabs[1]).not.toHaveProperty('responseEntryId');
  });
});

describe('the unsaved mark', () => {
  it('shows a real difference from the saved version: an edit undone by hand, a setting toggled back, leave the tab clean', () => {
    let state = tabsReducer(initialTabs('a'), { type: 'open', id: 'b', path: 'c/x.request.json', name: 'X', draft: createDraft({ url: 'https://x.test/' }) });
    const follow = (followRedirects: boolean) => ({ type: 'settings' as const, settings: { ...state.tabs[0]!.draft.settings, followRedirects } });
    state = tabsReducer(state, { type: 'edit', id: 'b', action: follow(false) });
    expect(state.tabs[0]?.dirty).toBe(true);
    state = tabsReducer(state, { type: 'edit', id: 'b', action: follow(true) });
    expect(state.tabs[0]?.dirty).toBe(false);
    state = tabsReducer(state, { type: 'edit', id: 'b', action: { type: 'url', url: 'https://x.test/a' } });
    state = tabsReducer(state, { type: 'edit', id: 'b', action: { type: 'url', url: 'https://x.test/' } });
    expect(state.tabs[0]?.dirty).toBe(false);
  });

  it('a request opened from history is clean until edited, and is not replaced like a blank tab', () => {
    let state = tabsReducer(initialTabs('a'), {
      type: 'open',
      id: 'h',
      path: null,
      name: 'Untitled request',
      draft: createDraft({ url: 'https://x.test/from-history' }),
    });
    expect(state.tabs.map((tab) => [tab.id, tab.dirty])).toEqual([['h', false]]);
    state = tabsReducer(state, { type: 'open', id: 'b', path: 'c/x.request.json', name: 'X', draft: createDraft() });
    expect(state.tabs.map((tab) => tab.id)).toEqual(['h', 'b']);
  });

  it('compares with what was written, so typing during a save leaves the tab unsaved', () => {
    let state = tabsReducer(initialTabs('a'), { type: 'edit', id: 'a', action: { type: 'url', url: 'https://x.test/1' } });
    const written = buildStoredSpec(state.tabs[0]!.draft);
    state = tabsReducer(state, { type: 'edit', id: 'a', action: { type: 'url', url: 'https://x.test/12' } });
    state = tabsReducer(state, { type: 'saved', id: 'a', path: 'c/x.request.json', name: 'X', request: written });
    expect(state.tabs[0]?.dirty).toBe(true);
    state = tabsReducer(state, { type: 'edit', id: 'a', action: { type: 'url', url: 'https://x.test/1' } });
    expect(state.tabs[0]?.dirty).toBe(false);
  });

  it('does not serialize a large body on every keystroke: an edit of a request with over 256 KB of body stays unsaved', () => {
    const json = JSON.stringify({ rows: 'x'.repeat(300 * 1024) });
    const body = { ...createDraft().body, kind: 'json' as const, json };
    let state = tabsReducer(initialTabs('a'), { type: 'open', id: 'b', path: 'c/x.request.json', name: 'X', draft: createDraft({ body }) });
    state = tabsReducer(state, { type: 'edit', id: 'b', action: { type: 'url', url: 'https://x.test/a' } });
    state = tabsReducer(state, { type: 'edit', id: 'b', action: { type: 'url', url: '' } });
    expect(state.tabs[0]?.dirty).toBe(true);
  });
});
