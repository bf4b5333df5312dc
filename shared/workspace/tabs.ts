import type { HttpRequestSpec } from '../contract/http';
import type { WorkspaceSession } from '../contract/workspace';
import { buildStoredSpec, createDraft, draftReducer, type DraftAction, type RequestDraft } from '../request';
import { draftFromSpec } from '../history-view';
import { withoutFileBytes } from './file-bytes';

/** An open request: a saved file's draft (path set) or a request never saved (path null). */
export interface RequestTab {
  id: string;
  path: string | null;
  name: string;
  draft: RequestDraft;
  /** differs from the version it was opened as or last saved (an edit undone by hand makes it clean again) */
  dirty: boolean;
  /**
   * that version, as `snapshot` writes it: what `dirty` compares with. Absent when it is not known (a tab restored
   * edited from the session): then any edit leaves it dirty, as before.
   */
  saved?: string;
  /** the history entry holding the response the tab shows; the session keeps this number, never the body */
  responseEntryId?: number;
  /**
   * its file was deleted from the tree: where it was, and whether the tab had (or since has) edits, so an Undo of the
   * delete can link a tab the user did not touch back to the file as saved
   */
  deleted?: { from: string; dirty: boolean };
}

export interface TabsState {
  tabs: RequestTab[];
  activeId: string;
}

export type TabsAction =
  /** opens a saved request, or brings its tab forward when it is already open */
  | { type: 'open'; id: string; path: string | null; name: string; draft: RequestDraft; dirty?: boolean }
  | { type: 'activate'; id: string }
  /** closes a tab; the last one is replaced by a blank request (newId) so the builder always has one */
  | { type: 'close'; id: string; newId: string }
  /**
   * "Close others" and "Close all": closes every tab in `ids`; `activate` (a tab that stays) becomes the active one.
   * Closing them all leaves a blank request (newId).
   */
  | { type: 'closeMany'; ids: readonly string[]; newId: string; activate?: string }
  | { type: 'edit'; id: string; action: DraftAction }
  /** saved to `path`; `request` is what was written, when the draft may have moved on while it was being written */
  | { type: 'saved'; id: string; path: string; name: string; request?: HttpRequestSpec }
  /** an edit was undone back to the content the tab had while clean (a curl paste's Undo): it is clean again */
  | { type: 'clean'; id: string }
  /** the file changed outside Courier: a clean tab takes the new content, an edited one keeps the user's */
  | { type: 'external'; path: string; name: string; draft: RequestDraft }
  /** a file was renamed or moved; tabs on it (or inside a moved folder) follow */
  | { type: 'moved'; from: string; to: string; name?: string }
  /**
   * a file or folder was deleted: its tabs stay open, as unsaved drafts (path null, dirty: Save asks where), so
   * nothing typed is lost and the tab no longer looks saved
   */
  | { type: 'deleted'; path: string }
  /** the delete of `path` was undone: its tabs are linked back to their files */
  | { type: 'undeleted'; path: string }
  /**
   * the last session's tabs, read once the window is up: they come beside what the user has already started, never in
   * its place (see restoreSession). `userStarted`: they have pressed a key or clicked, so even the blank tab they are
   * on stays shown.
   */
  | { type: 'restore'; state: TabsState; userStarted?: boolean }
  /** the tab shows another response now: a history entry's (by id), or none */
  | { type: 'response'; id: string; entryId: number | null };

export const UNTITLED = 'Untitled request';

/** A draft as it would be saved (row ids and picked files' bytes left out): two drafts that save alike are alike. */
function snapshotOf(request: HttpRequestSpec): string {
  return JSON.stringify(withoutFileBytes(request));
}
const snapshot = (draft: RequestDraft): string => snapshotOf(buildStoredSpec(draft));

const BLANK = snapshot(createDraft());

/** Above this much body text, an edit is not compared with the saved version (see the 'edit' case). */
const COMPARED_BODY_LIMIT = 256 * 1024;
const bodyTextLength = ({ body }: RequestDraft): number =>
  body.json.length + body.text.length + body.xml.length + body.graphql.query.length + body.graphql.variables.length;

function blankTab(id: string): RequestTab {
  return { id, path: null, name: UNTITLED, draft: createDraft(), dirty: false, saved: BLANK };
}

/** A tab the user never put anything in: opening a request replaces it rather than leaving it behind. */
const isBlank = (tab: RequestTab): boolean => tab.path === null && !tab.dirty && snapshot(tab.draft) === BLANK;

export function initialTabs(id: string): TabsState {
  return { tabs: [blankTab(id)], activeId: id };
}

const update = (state: TabsState, id: string, change: (tab: RequestTab) => RequestTab): TabsState => ({
  ...state,
  tabs: state.tabs.map((tab) => (tab.id === id ? change(tab) : tab)),
});

export function tabsReducer(state: TabsState, action: TabsAction): TabsState {
  switch (action.type) {
    case 'open': {
      const existing = action.path === null ? undefined : state.tabs.find((tab) => tab.path === action.path);
      if (existing) return { ...state, activeId: existing.id };
      const dirty = action.dirty ?? false;
      const tab: RequestTab = {
        id: action.id,
        path: action.path,
        name: action.name,
        draft: action.draft,
        dirty,
        ...(dirty ? {} : { saved: snapshot(action.draft) }),
      };
      // An untouched blank tab is replaced rather than left behind (a request restored from history is not blank).
      const active = state.tabs.find((t) => t.id === state.activeId);
      const replace = active && isBlank(active) && state.tabs.length === 1;
      return { tabs: replace ? [tab] : [...state.tabs, tab], activeId: tab.id };
    }
    case 'activate':
      return state.tabs.some((tab) => tab.id === action.id) ? { ...state, activeId: action.id } : state;
    case 'close': {
      const index = state.tabs.findIndex((tab) => tab.id === action.id);
      if (index === -1) return state;
      const tabs = state.tabs.filter((tab) => tab.id !== action.id);
      if (tabs.length === 0) return initialTabs(action.newId);
      const activeId = state.activeId === action.id ? tabs[Math.min(index, tabs.length - 1)]!.id : state.activeId;
      return { tabs, activeId };
    }
    case 'closeMany': {
      const closing = new Set(action.ids);
      const tabs = state.tabs.filter((tab) => !closing.has(tab.id));
      if (tabs.length === state.tabs.length) return state;
      if (tabs.length === 0) return initialTabs(action.newId);
      const wanted = tabs.find((tab) => tab.id === action.activate) ?? tabs.find((tab) => tab.id === state.activeId);
      // otherwise the nearest tab that stays, looking right of the active one first, as closing one tab does
      const at = state.tabs.findIndex((tab) => tab.id === state.activeId);
      const nearest = [...state.tabs.slice(at + 1), ...state.tabs.slice(0, at).reverse()].find((tab) => !closing.has(tab.id));
      return { tabs, activeId: (wanted ?? nearest ?? tabs[0]!).id };
    }
    case 'edit':
      return update(state, action.id, (tab) => {
        const draft = draftReducer(tab.draft, action.action);
        // a setting toggled and toggled back, a character typed and deleted: nothing to save. A large body is not
        // compared: serializing it on every keystroke would cost ~10 ms per 3 MB, so such an edit marks the tab as before.
        const changed = tab.saved === undefined || bodyTextLength(draft) > COMPARED_BODY_LIMIT || snapshot(draft) !== tab.saved;
        return {
          ...tab,
          draft,
          // a tab whose file was deleted stays unsaved: Save asks where to put it
          dirty: changed || tab.deleted !== undefined,
          ...(tab.deleted ? { deleted: { ...tab.deleted, dirty: changed } } : {}),
        };
      });
    case 'clean':
      return update(state, action.id, (tab) => (tab.dirty && !tab.deleted ? { ...tab, dirty: false, saved: snapshot(tab.draft) } : tab));
    case 'saved':
      return update(state, action.id, ({ deleted: _gone, ...tab }) => {
        const saved = action.request ? snapshotOf(action.request) : snapshot(tab.draft);
        return { ...tab, path: action.path, name: action.name, saved, dirty: snapshot(tab.draft) !== saved };
      });
    case 'deleted': {
      const inside = (path: string | null) => path !== null && (path === action.path || path.startsWith(`${action.path}/`));
      if (!state.tabs.some((tab) => inside(tab.path))) return state;
      return {
        ...state,
        tabs: state.tabs.map((tab) => (inside(tab.path) ? { ...tab, path: null, dirty: true, deleted: { from: tab.path!, dirty: tab.dirty } } : tab)),
      };
    }
    case 'undeleted': {
      const inside = (path: string) => path === action.path || path.startsWith(`${action.path}/`);
      return {
        ...state,
        tabs: state.tabs.map(({ deleted, ...tab }) =>
          deleted && inside(deleted.from) && !state.tabs.some((other) => other.path === deleted.from)
            ? { ...tab, path: deleted.from, dirty: deleted.dirty }
            : deleted
              ? { ...tab, deleted }
              : tab,
        ),
      };
    }
    case 'external':
      return {
        ...state,
        tabs: state.tabs.map((tab) =>
          tab.path === action.path && !tab.dirty ? { ...tab, name: action.name, draft: action.draft, saved: snapshot(action.draft) } : tab,
        ),
      };
    case 'moved':
      return {
        ...state,
        tabs: state.tabs.map((tab) => {
          if (tab.path === action.from) return { ...tab, path: action.to, name: action.name ?? tab.name };
          if (tab.path?.startsWith(`${action.from}/`)) return { ...tab, path: `${action.to}${tab.path.slice(action.from.length)}` };
          return tab;
        }),
      };
    case 'restore':
      return restoreSession(state, action.state, action.userStarted ?? false);
    case 'response': {
      const tab = state.tabs.find((t) => t.id === action.id);
      if (!tab || (tab.responseEntryId ?? null) === action.entryId) return state;
      return update(state, action.id, ({ responseEntryId: _old, ...rest }) => (action.entryId === null ? rest : { ...rest, responseEntryId: action.entryId }));
    }
  }
}

/**
 * The window is painted, and takes keys, before the session is read: replacing its tabs by the session's wiped what
 * was typed in the meantime. Now a tab with something in it stays, after the session's and still shown, and so does
 * the blank tab the user is on once they have started (pressed a key, clicked: the Headers tab they opened, the field
 * they are in); only untouched blank tabs give way. A file open on both sides is one tab: the copy with unsaved edits,
 * else the one on screen.
 */
function restoreSession(current: TabsState, back: TabsState, userStarted: boolean): TabsState {
  if (back.tabs.length === 0) return current;
  const mine = current.tabs.filter((tab) => !isBlank(tab) || (userStarted && tab.id === current.activeId));
  if (mine.length === 0) return back;
  const mineWins = (own: RequestTab, theirs: RequestTab) => own.dirty || !theirs.dirty;
  const samePath = (a: RequestTab, b: RequestTab) => a.path !== null && a.path === b.path;
  const theirs = back.tabs.filter((tab) => !isBlank(tab) && !mine.some((own) => samePath(own, tab) && mineWins(own, tab)));
  const kept = mine.filter((own) => !theirs.some((tab) => samePath(own, tab)));
  const tabs = [...theirs, ...kept];
  const wasShown = current.tabs.find((tab) => tab.id === current.activeId);
  const shown = tabs.find((tab) => tab.id === current.activeId) ?? tabs.find((tab) => wasShown !== undefined && samePath(tab, wasShown));
  return { tabs, activeId: (shown ?? tabs.find((tab) => tab.id === back.activeId) ?? tabs[tabs.length - 1]!).id };
}

/** The tabs "Close others" closes: every one but `keepId`. */
export function otherTabIds(state: TabsState, keepId: string): string[] {
  return state.tabs.filter((tab) => tab.id !== keepId).map((tab) => tab.id);
}

export function tabsToSession(state: TabsState): WorkspaceSession {
  return {
    // Picked files' bytes would make every session write as large as the files: they are kept by name only.
    tabs: state.tabs.map((tab) => ({
      id: tab.id,
      path: tab.path,
      name: tab.name,
      request: withoutFileBytes(buildStoredSpec(tab.draft)),
      dirty: tab.dirty,
      ...(tab.responseEntryId === undefined ? {} : { responseEntryId: tab.responseEntryId }),
    })),
    activeId: state.activeId,
  };
}

export function tabsFromSession(session: WorkspaceSession): TabsState | null {
  if (session.tabs.length === 0) return null;
  const tabs = session.tabs.map((tab) => {
    const draft = draftFromSpec(tab.request);
    return {
      id: tab.id,
      path: tab.path,
      name: tab.name,
      draft,
      dirty: tab.dirty,
      // the session keeps an edited tab's draft, not the version it was edited from
      ...(tab.dirty ? {} : { saved: snapshot(draft) }),
      ...(tab.responseEntryId === undefined ? {} : { responseEntryId: tab.responseEntryId }),
    };
  });
  const activeId = tabs.some((tab) => tab.id === session.activeId) ? session.activeId! : tabs[0]!.id;
  return { tabs, activeId };
}
