import { useCallback, useEffect, useReducer, useRef, useState, type Dispatch } from 'react';
import { flushSync } from 'react-dom';
import type { EventPayload, HttpRequestSpec } from '../../../shared/contract';
import { draftFromSpec } from '../../../shared/history-view';
import { buildStoredSpec, createDraft, type DraftAction } from '../../../shared/request';
import {
  initialTabs,
  tabsFromSession,
  tabsReducer,
  tabsToSession,
  UNTITLED,
  type RequestTab,
  type TabsAction,
  type TabsState,
} from '../../../shared/workspace';
import { BridgeCallError, call } from '../../lib/bridge';
import { useDebouncedSave } from '../../ui';
import { useWorkspaceEvents } from './workspace-queries';
import { useUserStarted } from './use-user-started';

const SESSION_SAVE_DELAY_MS = 400;

const newTabId = (): string => `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

export interface RequestTabs {
  state: TabsState;
  active: RequestTab;
  /** the builder's dispatch for the active tab */
  dispatchActive: Dispatch<DraftAction>;
  dispatch: Dispatch<TabsAction>;
  newTab(): void;
  /** opens a new unsaved tab holding `request`; returns its id */
  openDraft(request: HttpRequestSpec, name?: string): string;
  openSaved(path: string): Promise<void>;
  /** saves a tab that has a file; false when it needs "Save as" (no file yet) */
  save(id: string): Promise<boolean>;
  saveAs(id: string, parent: string, name: string): Promise<void>;
  /** the message of the last save problem or warning (credentials left out of the file) */
  notice: string | null;
  clearNotice(): void;
  /** false until the session is read: saving before that would overwrite it with a blank tab */
  restored: boolean;
}

/**
 * The open requests: view state in the window, with the session (tabs and unsaved drafts) kept by the main process
 * so a restart brings them back.
 */
export function useRequestTabs(): RequestTabs {
  const [state, dispatch] = useReducer(tabsReducer, undefined, () => initialTabs(newTabId()));
  const [restored, setRestored] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // Save and the event handler read the newest tabs without re-subscribing on every keystroke.
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  });

  // The window takes keys from its first paint, before the session is back: the restore keeps what the user started.
  const userStarted = useUserStarted();
  useEffect(() => {
    let live = true;
    call('workspace.session', {})
      .then((session) => {
        const back = tabsFromSession(session);
        // Rendered in this task, not React's next: a key pressed in between would be applied after the restore, to a
        // tab it had just replaced, and lost. And when the restore changes the tab shown, its URL field takes the focus
        // in this same task, so no key falls on the page between the old field and the new.
        if (live && back) flushSync(() => dispatch({ type: 'restore', state: back, userStarted: userStarted.current }));
      })
      .catch(() => undefined)
      .finally(() => live && setRestored(true));
    return () => {
      live = false;
    };
  }, [userStarted]);

  useDebouncedSave(state, (tabs) => void call('workspace.saveSession', tabsToSession(tabs)).catch(() => undefined), SESSION_SAVE_DELAY_MS, restored);

  const onWorkspaceChange = useCallback((event: EventPayload<'workspace.changed'>) => {
    if (event.reason !== 'external') return;
    const changed = new Set(event.paths);
    const edited = stateRef.current.tabs.filter((tab) => tab.dirty && tab.path !== null && changed.has(tab.path));
    // An edited tab keeps the user's version; they must hear that saving will replace what arrived.
    if (edited.length > 0) {
      setNotice(`${edited.map((tab) => `“${tab.name}”`).join(', ')} changed outside Courier. Your unsaved edits are kept; saving replaces the file.`);
    }
    const open = new Set(stateRef.current.tabs.filter((tab) => !tab.dirty && tab.path !== null).map((tab) => tab.path!));
    for (const path of event.paths.filter((p) => open.has(p))) {
      call('workspace.readRequest', { path })
        .then((saved) => dispatch({ type: 'external', path, name: saved.name, draft: draftFromSpec(saved.request) }))
        .catch(() => undefined);
    }
  }, []);
  useWorkspaceEvents(onWorkspaceChange);

  const active = state.tabs.find((tab) => tab.id === state.activeId) ?? state.tabs[0]!;
  const activeId = active.id;
  const dispatchActive = useCallback((action: DraftAction) => dispatch({ type: 'edit', id: activeId, action }), [activeId]);

  const warn = (warnings: readonly string[]) => setNotice(warnings.length > 0 ? warnings.join(' ') : null);

  return {
    state,
    active,
    dispatchActive,
    dispatch,
    restored,
    notice,
    clearNotice: () => setNotice(null),
    newTab: () => dispatch({ type: 'open', id: newTabId(), path: null, name: UNTITLED, draft: createDraft() }),
    openDraft: (request, name = UNTITLED) => {
      const id = newTabId();
      // clean until edited: it holds what it was opened with (a history entry, a re-send), which history keeps
      dispatch({ type: 'open', id, path: null, name, draft: draftFromSpec(request) });
      return id;
    },
    openSaved: async (path) => {
      // An open request is shown at once, from its tab: a second read of its file could land after the user has moved
      // on (closed every tab) and bring the request back in place of the blank tab they were left with.
      const open = stateRef.current.tabs.find((tab) => tab.path === path);
      if (open) return dispatch({ type: 'activate', id: open.id });
      const saved = await call('workspace.readRequest', { path });
      dispatch({ type: 'open', id: newTabId(), path, name: saved.name, draft: draftFromSpec(saved.request) });
    },
    save: async (id) => {
      const tab = stateRef.current.tabs.find((t) => t.id === id);
      if (!tab || tab.path === null) return false;
      try {
        const request = buildStoredSpec(tab.draft);
        const result = await call('workspace.saveRequest', { path: tab.path, request });
        dispatch({ type: 'saved', id, path: result.path, name: tab.name, request });
        warn(result.warnings);
      } catch (error) {
        // The file was deleted or moved outside Courier: save it anew rather than fail.
        if (error instanceof BridgeCallError && error.error.code === 'WORKSPACE_NOT_FOUND') return false;
        setNotice(error instanceof Error ? error.message : String(error));
        throw error;
      }
      return true;
    },
    saveAs: async (id, parent, name) => {
      const tab = stateRef.current.tabs.find((t) => t.id === id);
      if (!tab) return;
      const request = buildStoredSpec(tab.draft);
      const result = await call('workspace.createRequest', { parent, name, request });
      dispatch({ type: 'saved', id, path: result.path, name: name.trim(), request });
      warn(result.warnings);
    },
  };
}
