import { useState, type Dispatch, type SetStateAction } from 'react';
import type { WsSessionTab } from '../../../shared/contract';
import { checkJson } from '../../../shared/request';
import { base64FromBytes, parseHexInput, type MessageTemplate } from '../../../shared/websocket';
import { Button, buttonClass, InlineMessage } from '../../ui';
import { CodeEditor } from '../../ui/monaco';
import { bridge } from '../../lib/bridge';
import { TemplatesBar, type FileTemplates } from './templates-bar';
import styles from './websocket.module.css';

type Kind = MessageTemplate['kind'];
/** The message being typed: held by the tab (so switching sections keeps it) and kept in the session. */
export type MessageDraft = WsSessionTab['draft'];
export const EMPTY_MESSAGE: MessageDraft = { kind: 'json', text: '', hex: '' };

const KIND_LABELS: Record<Kind, string> = { text: 'Text', json: 'JSON', binary: 'Binary' };

/** The next message: text or JSON typed in Monaco (JSON checked as you type), or bytes as hex or from a file. */
export function Composer({
  sessionId,
  url,
  open,
  templates = null,
  draft,
  onDraftChange,
}: {
  sessionId: string;
  url: string;
  open: boolean;
  templates?: FileTemplates | null;
  draft: MessageDraft;
  onDraftChange: Dispatch<SetStateAction<MessageDraft>>;
}) {
  const { kind, text, hex } = draft;
  // updaters, not values: the editor may call back with a callback from an earlier render
  const setKind = (next: Kind) => onDraftChange((d) => ({ ...d, kind: next }));
  const setText = (next: string) => onDraftChange((d) => ({ ...d, text: next }));
  const setHex = (next: string) => onDraftChange((d) => ({ ...d, hex: next }));
  const [file, setFile] = useState<{ name: string; base64: string; size: number } | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);

  const jsonProblem = kind === 'json' ? checkJson(text) : null;
  const hexParse = kind === 'binary' && file === null ? parseHexInput(hex) : null;
  const problem = jsonProblem?.message ?? (hexParse && !hexParse.ok ? hexParse.message : null);
  const empty = kind === 'json' ? text.trim() === '' : kind === 'binary' ? file === null && hex.trim() === '' : false;

  // `as`: "Send as text" sends what was typed in the JSON editor as text when it is not JSON
  const send = async (as: Kind = kind) => {
    if (!open || (as === kind && (problem || empty))) return;
    let data = text;
    if (as === 'binary') data = file ? file.base64 : hexParse && hexParse.ok ? base64FromBytes(hexParse.bytes) : '';
    const result = await bridge.invoke('ws.send', { sessionId, kind: as, data });
    setSendError(result.ok ? null : result.error.message);
  };

  const applyTemplate = (template: MessageTemplate) => {
    if (template.kind === 'binary') {
      onDraftChange((d) => ({ ...d, kind: template.kind, hex: template.body }));
      setFile(null);
    } else onDraftChange((d) => ({ ...d, kind: template.kind, text: template.body }));
  };

  return (
    <div
      className={styles.composer}
      onKeyDownCapture={(event) => {
        // Ctrl/⌘+Enter sends, as in the HTTP builder; caught before Monaco, which would insert a line.
        if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.altKey) return;
        event.preventDefault();
        event.stopPropagation();
        void send();
      }}
    >
      <div className={styles.composerBar}>
        <div role="radiogroup" aria-label="Message type" className={styles.segmented}>
          {(Object.keys(KIND_LABELS) as Kind[]).map((item) => (
            <label key={item} className={item === kind ? `${styles.segmentedItem} ${styles.segmentedItemOn}` : styles.segmentedItem}>
              <input type="radio" name={`kind-${sessionId}`} className="visually-hidden" checked={item === kind} onChange={() => setKind(item)} />
              {KIND_LABELS[item]}
            </label>
          ))}
        </div>
        <TemplatesBar url={url} current={{ kind, body: kind === 'binary' ? hex : text }} onApply={applyTemplate} file={templates} />
      </div>
      <div className={styles.composerEditor}>
        {kind === 'binary' ? (
          <div className={styles.binary}>
            <label className={`${styles.field} ${styles.fieldGrow}`}>
              <span className={styles.fieldLabel}>Bytes as hex</span>
              <textarea
                className={`${styles.input} ${styles.binaryHex}`}
                placeholder="de ad be ef"
                spellCheck={false}
                value={hex}
                disabled={file !== null}
                onChange={(event) => setHex(event.target.value)}
              />
            </label>
            <div className={styles.binaryFile}>
              <label className={buttonClass()}>
                {file ? 'Replace file…' : 'Send a file instead…'}
                <input
                  type="file"
                  className="visually-hidden"
                  aria-label="Message file"
                  onChange={(event) => {
                    const picked = event.target.files?.[0];
                    event.target.value = '';
                    if (!picked) return;
                    void picked
                      .arrayBuffer()
                      .then((buffer) => setFile({ name: picked.name, size: picked.size, base64: base64FromBytes(new Uint8Array(buffer)) }));
                  }}
                />
              </label>
              {file ? (
                <>
                  <span className={styles.muted}>
                    {file.name} · {file.size} bytes
                  </span>
                  <Button onClick={() => setFile(null)}>Use hex</Button>
                </>
              ) : null}
            </div>
          </div>
        ) : (
          <CodeEditor value={text} language={kind === 'json' ? 'json' : 'plaintext'} ariaLabel="Message" onChange={setText} />
        )}
      </div>
      {problem ? (
        <InlineMessage tone="error">
          {problem}
          {/* plain text typed in the JSON editor (the default type) otherwise goes nowhere: the new-user pass's case */}
          {jsonProblem && open && text.trim() !== '' ? (
            <>
              {' '}
              <Button
                variant="quiet"
                size="small"
                onClick={() => {
                  setKind('text');
                  void send('text');
                }}
              >
                Send as text
              </Button>
            </>
          ) : null}
        </InlineMessage>
      ) : null}
      {sendError ? <InlineMessage tone="error">{sendError}</InlineMessage> : null}
      <div className={styles.composerActions}>
        {!open ? <span className={styles.muted}>Connect to send messages.</span> : null}
        <Button variant="primary" disabled={!open || problem !== null || empty} onClick={() => void send()}>
          Send
        </Button>
      </div>
    </div>
  );
}
