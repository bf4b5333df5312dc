import { useEffect, useRef, useState } from 'react';
import type { WsRequestSpecInput, WsSavedMessage } from '../../../shared/contract';
import { suggestRequestName } from '../../../shared/workspace';
import { SaveAsDialog, saveIntoTarget, useWorkspaceTree } from '../collections';
import { BridgeCallError, call } from '../../lib/bridge';
import { useVariablesState, VaultNeededMessage } from '../environments';
import type { SessionFile } from './use-ws-sessions';
import { Button } from '../../ui';
import styles from './websocket.module.css';

interface SaveBarProps {
  file: SessionFile | null;
  /** what goes into the file now: the form and the saved messages */
  current: () => { request: WsRequestSpecInput; messages: WsSavedMessage[] };
  dirty: boolean;
  onSaved: (file: SessionFile, saved: { request: WsRequestSpecInput; messages: WsSavedMessage[] }) => void;
  /** opens the vault dialog: a typed handshake credential is kept there, so a save may need it set up or unlocked */
  onOpenVault?: () => void;
}

/**
 * "Save" and "Save as…" for a WebSocket request: into a collection or folder as a request file (the same dialog HTTP
 * requests use). A file moved or deleted outside Courier is saved anew rather than lost.
 */
export function SaveBar({ file, current, dirty, onSaved, onOpenVault }: SaveBarProps) {
  const tree = useWorkspaceTree();
  const vault = useVariablesState().data?.vault ?? null;
  const [asking, setAsking] = useState(false);
  const [notice, setNotice] = useState<{ tone: 'error' | 'info' | 'vault'; text: string } | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  const save = async () => {
    if (!file) {
      setAsking(true);
      return;
    }
    const now = current();
    try {
      const result = await call('workspace.saveWebSocket', { path: file.path, request: now.request, messages: now.messages });
      setNotice(result.warnings.length > 0 ? { tone: 'info', text: result.warnings.join(' ') } : null);
      onSaved(file, now);
    } catch (error) {
      if (error instanceof BridgeCallError && error.error.code === 'WORKSPACE_NOT_FOUND') setAsking(true);
      else if (error instanceof BridgeCallError && error.error.code === 'VAULT_LOCKED') setNotice({ tone: 'vault', text: error.message });
      else setNotice({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  // Ctrl/⌘+S saves and Ctrl/⌘+Shift+S saves as, from anywhere in this session's panel (Monaco included).
  const latest = useRef(save);
  useEffect(() => {
    latest.current = save;
  });
  useEffect(() => {
    const host = rootRef.current?.closest('[data-save-shortcut="own"]');
    if (!host) return;
    const onKeyDown = (event: Event) => {
      const key = event as KeyboardEvent;
      if (key.key.toLowerCase() !== 's' || !(key.ctrlKey || key.metaKey) || key.altKey) return;
      key.preventDefault();
      key.stopPropagation();
      if (key.repeat) return;
      if (key.shiftKey) setAsking(true);
      else void latest.current();
    };
    host.addEventListener('keydown', onKeyDown, true);
    return () => host.removeEventListener('keydown', onKeyDown, true);
  }, []);

  return (
    <div className={styles.saveBar} ref={rootRef}>
      <span className={styles.saveBarName} title={file?.path}>
        {file ? file.name : 'Not saved to a collection'}
        {dirty && file ? (
          <>
            <span aria-hidden="true"> •</span>
            <span className="visually-hidden"> (unsaved changes)</span>
          </>
        ) : null}
      </span>
      {/* "Save request", not "Save": the saved-message form below has a Save of its own. */}
      <Button aria-label="Save request" onClick={() => void save()}>
        Save
      </Button>
      <Button aria-label="Save request as…" onClick={() => setAsking(true)}>
        Save as…
      </Button>
      {notice?.tone === 'vault' && vault && onOpenVault && vault.state !== 'unlocked' ? (
        <VaultNeededMessage tone="error" vault={vault} onOpenVault={onOpenVault}>
          {notice.text}
        </VaultNeededMessage>
      ) : notice && notice.tone !== 'vault' ? (
        <span
          className={notice.tone === 'error' ? `${styles.saveBarNotice} ${styles.saveBarNoticeError}` : styles.saveBarNotice}
          role={notice.tone === 'error' ? 'alert' : 'status'}
        >
          {notice.text}
        </span>
      ) : null}
      <SaveAsDialog
        open={asking}
        title="Save WebSocket request"
        initialName={file?.name ?? suggestRequestName(current().request.url)}
        nodes={tree.data?.nodes ?? []}
        onClose={() => setAsking(false)}
        onOpenVault={onOpenVault}
        onSave={async ({ parent, newCollection, name }) => {
          const now = current();
          const result = await saveIntoTarget({ parent, newCollection }, 'New collection', (target) =>
            call('workspace.createWebSocket', { parent: target, name, request: now.request, messages: now.messages }),
          );
          setNotice(result.warnings.length > 0 ? { tone: 'info', text: result.warnings.join(' ') } : null);
          onSaved({ path: result.path, name }, now);
        }}
      />
    </div>
  );
}
