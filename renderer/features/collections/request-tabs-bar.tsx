import { useState, type ReactNode } from 'react';
import { neighbourTabId, otherTabIds, suggestRequestName, tabLabel, UNTITLED } from '../../../shared/workspace';
import { RequestTabStrip } from './request-tab-strip';
import { saveIntoTarget } from './save-into-target';
import { SaveAsDialog } from './save-as-dialog';
import { UnsavedDialog } from './unsaved-dialog';
import type { RequestTabs } from './use-request-tabs';
import { useSaveShortcut } from './use-save-shortcut';
import { useTabShortcuts } from '../../ui';
import { useWorkspaceTree } from './workspace-queries';
import styles from './collections.module.css';

// the blank request that replaces the last tab closed
const blankTabId = (): string => `t${Date.now().toString(36)}`;

/** Tabs the user asked to close, some with unsaved changes: the question waits for an answer. */
interface CloseAsk {
  ids: string[];
  /** the tab "Close others" keeps, made active */
  keep?: string;
}

/**
 * The tab strip above the builder, with what saving and closing need: Ctrl/⌘+S, "Save as" for a request that has
 * no file yet, and the question before closing unsaved tabs (one tab, "Close others" or "Close all").
 */
export function RequestTabsBar({
  tabs,
  onOpenVault,
  renderMark,
  active = true,
}: {
  tabs: RequestTabs;
  onOpenVault?: () => void;
  renderMark?: (id: string) => ReactNode;
  /** false while the WebSocket view is on screen: the tab keys are not ours then */
  active?: boolean;
}) {
  const tree = useWorkspaceTree();
  const [saveAsId, setSaveAsId] = useState<string | null>(null);
  const [closeAsk, setCloseAsk] = useState<CloseAsk | null>(null);
  // After "Save as" from the close question, the tab closes once saved.
  const [closeAfterSave, setCloseAfterSave] = useState(false);
  const { state, dispatch } = tabs;

  const close = (id: string) => dispatch({ type: 'close', id, newId: `t${Date.now().toString(36)}` });
  const save = async (id: string) => {
    if (!(await tabs.save(id).catch(() => true))) setSaveAsId(id);
  };
  useSaveShortcut(
    () => void save(state.activeId),
    () => setSaveAsId(state.activeId),
  );

  const closeMany = (ids: string[], keep?: string) => dispatch({ type: 'closeMany', ids, newId: blankTabId(), activate: keep });
  const requestClose = (ids: string[], keep?: string) => {
    if (state.tabs.some((t) => ids.includes(t.id) && t.dirty)) setCloseAsk({ ids, keep });
    else closeMany(ids, keep);
  };
  useTabShortcuts((shortcut) => {
    if (shortcut === 'new') {
      // The new tab's URL field takes the focus from wherever Alt+T was pressed, even a place that keeps it (the
      // tree, the tab strip): otherwise the URL typed next goes nowhere and Enter reopens the tree item.
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      return tabs.newTab();
    }
    if (shortcut === 'close') return requestClose([state.activeId]);
    const next = neighbourTabId(
      state.tabs.map((t) => t.id),
      state.activeId,
      shortcut === 'next' ? 1 : -1,
    );
    if (next !== null) dispatch({ type: 'activate', id: next });
  }, active);
  const askedTabs = closeAsk ? state.tabs.filter((t) => closeAsk.ids.includes(t.id) && t.dirty) : [];
  const single = askedTabs.length === 1 ? askedTabs[0]! : null;
  const saveAsTab = state.tabs.find((t) => t.id === saveAsId) ?? null;

  const saveAsked = () => {
    const ask = closeAsk;
    setCloseAsk(null);
    if (!ask) return;
    // one tab that has no file yet: "Save as", then it closes (with the others asked about)
    if (single && single.path === null) {
      const rest = ask.ids.filter((id) => id !== single.id);
      if (rest.length > 0) closeMany(rest, ask.keep);
      setCloseAfterSave(true);
      setSaveAsId(single.id);
      return;
    }
    void Promise.all(askedTabs.map((tab) => tabs.save(tab.id))).then(
      (saved) => {
        // a tab whose file went away meanwhile stays open (its save needs "Save as")
        const kept = askedTabs.filter((_, index) => !saved[index]).map((tab) => tab.id);
        closeMany(
          ask.ids.filter((id) => !kept.includes(id)),
          ask.keep,
        );
      },
      () => undefined,
    );
  };

  // "Close others/all" over saved and never-saved tabs: save the ones with a file and close them with the clean ones;
  // the never-saved ones stay open, since each needs a name and a place (VS Code asks per file; one click beats N dialogs)
  const withFile = askedTabs.filter((tab) => tab.path !== null);
  const unsavedNew = askedTabs.filter((tab) => tab.path === null);
  const saveWithFile = () => {
    const ask = closeAsk;
    setCloseAsk(null);
    if (!ask) return;
    void Promise.all(withFile.map((tab) => tabs.save(tab.id))).then(
      (saved) => {
        const kept = [...unsavedNew.map((tab) => tab.id), ...withFile.filter((_, index) => !saved[index]).map((tab) => tab.id)];
        closeMany(
          ask.ids.filter((id) => !kept.includes(id)),
          ask.keep ?? kept[0],
        );
      },
      () => undefined,
    );
  };

  return (
    <>
      <RequestTabStrip
        tabs={state.tabs}
        activeId={state.activeId}
        onSelect={(id) => dispatch({ type: 'activate', id })}
        onClose={(id) => requestClose([id])}
        onCloseOthers={(id) => requestClose(otherTabIds(state, id), id)}
        onCloseAll={() => requestClose(state.tabs.map((t) => t.id))}
        onNew={tabs.newTab}
        renderMark={renderMark}
      />
      {tabs.notice ? (
        <p className={styles.tabNotice} role="status">
          {tabs.notice}
          <button type="button" className={styles.link} onClick={tabs.clearNotice}>
            Dismiss
          </button>
        </p>
      ) : null}
      <UnsavedDialog
        names={closeAsk ? askedTabs.map(tabLabel) : null}
        canSave={askedTabs.length <= 1 || askedTabs.every((tab) => tab.path !== null)}
        partial={unsavedNew.length > 0 && askedTabs.length > 1 ? { withFile: withFile.length, unsaved: unsavedNew.length, onSaveWithFile: saveWithFile } : null}
        onCancel={() => setCloseAsk(null)}
        onDiscard={() => {
          if (closeAsk) closeMany(closeAsk.ids, closeAsk.keep);
          setCloseAsk(null);
        }}
        onSave={saveAsked}
      />
      <SaveAsDialog
        open={saveAsTab !== null}
        initialName={saveAsTab?.name === UNTITLED ? suggestRequestName(saveAsTab.draft.url) : (saveAsTab?.name ?? '')}
        nodes={tree.data?.nodes ?? []}
        onOpenVault={onOpenVault}
        onClose={() => {
          setSaveAsId(null);
          setCloseAfterSave(false);
        }}
        onSave={async ({ parent, newCollection, name }) => {
          if (!saveAsTab) return;
          await saveIntoTarget({ parent, newCollection }, 'My collection', (target) => tabs.saveAs(saveAsTab.id, target, name));
          if (closeAfterSave) close(saveAsTab.id);
        }}
      />
    </>
  );
}
