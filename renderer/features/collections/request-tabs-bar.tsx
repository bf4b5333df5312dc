import { useState } from 'react';
import './collections.css';
import { suggestRequestName, UNTITLED } from '../../../shared/workspace';
import { call } from '../../lib/bridge';
import { RequestTabStrip } from './request-tab-strip';
import { SaveAsDialog } from './save-as-dialog';
import { UnsavedDialog } from './unsaved-dialog';
import type { RequestTabs } from './use-request-tabs';
import { useSaveShortcut } from './use-save-shortcut';
import { useWorkspaceTree } from './workspace-queries';

/**
 * The tab strip above the builder, with what saving and closing need: Ctrl/⌘+S, "Save as" for a request that has
 * no file yet, and the question before closing an unsaved tab.
 */
export function RequestTabsBar({ tabs }: { tabs: RequestTabs }) {
  const tree = useWorkspaceTree();
  const [saveAsId, setSaveAsId] = useState<string | null>(null);
  const [closeAsk, setCloseAsk] = useState<string | null>(null);
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

  const requestClose = (id: string) => {
    const tab = state.tabs.find((t) => t.id === id);
    if (tab?.dirty) setCloseAsk(id);
    else close(id);
  };
  const askedTab = state.tabs.find((t) => t.id === closeAsk) ?? null;
  const saveAsTab = state.tabs.find((t) => t.id === saveAsId) ?? null;

  return (
    <>
      <RequestTabStrip
        tabs={state.tabs}
        activeId={state.activeId}
        onSelect={(id) => dispatch({ type: 'activate', id })}
        onClose={requestClose}
        onNew={tabs.newTab}
      />
      {tabs.notice ? (
        <p className="rt-notice" role="status">
          {tabs.notice}
          <button type="button" className="ws-link" onClick={tabs.clearNotice}>
            Dismiss
          </button>
        </p>
      ) : null}
      <UnsavedDialog
        name={askedTab?.name ?? null}
        onCancel={() => setCloseAsk(null)}
        onDiscard={() => {
          if (askedTab) close(askedTab.id);
          setCloseAsk(null);
        }}
        onSave={() => {
          const tab = askedTab;
          setCloseAsk(null);
          if (!tab) return;
          if (tab.path === null) {
            setCloseAfterSave(true);
            setSaveAsId(tab.id);
            return;
          }
          void tabs.save(tab.id).then(() => close(tab.id), () => undefined);
        }}
      />
      <SaveAsDialog
        open={saveAsTab !== null}
        initialName={saveAsTab?.name === UNTITLED ? suggestRequestName(saveAsTab.draft.url) : (saveAsTab?.name ?? '')}
        nodes={tree.data?.nodes ?? []}
        onClose={() => {
          setSaveAsId(null);
          setCloseAfterSave(false);
        }}
        onSave={async ({ parent, newCollection, name }) => {
          if (!saveAsTab) return;
          const target = parent ?? (await call('workspace.createContainer', { parent: null, name: newCollection ?? 'My collection' })).path;
          await tabs.saveAs(saveAsTab.id, target, name);
          if (closeAfterSave) close(saveAsTab.id);
        }}
      />
    </>
  );
}
