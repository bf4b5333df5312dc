import { Suspense, useEffect, useState } from 'react';
import type { SavedWebSocket, WsRequestSpecInput, WsSavedMessage, WsSessionTab } from '../../../shared/contract';
import { WS_DEFAULT_SETTINGS } from '../../../shared/contract/values';
import {
  buildWsSpec,
  createConnectionDraft,
  draftFromWsSpec,
  handshakeAsHttpRequest,
  sessionTitle,
  type ConnectionDraft,
  type MessageTemplate,
} from '../../../shared/websocket';
import { AuthPanel, useAuthTab } from '../auth';
import { Field, InlineMessage, SplitPane, TabPanel, Tabs, type TabItem } from '../../ui';
import { ActivityPane } from './activity-pane';
import { Composer, EMPTY_MESSAGE, type MessageDraft } from './composer';
import { ConnectionBar } from './connection-bar';
import { ConnectionSettings } from './connection-settings';
import { loadBrowserTemplates } from './browser-templates';
import { RowsPanel } from './rows-panel';
import { SaveBar } from './save-bar';
import { useSessionState } from './use-session-view';
import type { WsSessions } from './use-ws-sessions';
import styles from './websocket.module.css';

// one array for "none", so the effect that reports the form does not run on every render
const NO_VARIABLES: WsRequestSpecInput['variables'] = [];

type TabId = 'message' | 'params' | 'headers' | 'auth' | 'settings';

interface SessionPanelProps {
  sessionId: string;
  initialUrl: string;
  /** opened from a WebSocket request file */
  saved?: SavedWebSocket;
  /** brought back from the session: the form as it was (possibly edited since the file was saved) */
  restored?: WsSessionTab;
  sessions: WsSessions;
  wide: boolean;
  onOpenVault?: () => void;
}

/** One connection: what to connect to and send on the left, what happened on the right. */
export function SessionPanel({ sessionId, initialUrl, saved, restored, sessions, wide, onOpenVault }: SessionPanelProps) {
  const [draft, setDraft] = useState<ConnectionDraft>(() =>
    restored ? draftFromWsSpec(restored.request) : saved ? draftFromWsSpec(saved.request) : createConnectionDraft(initialUrl),
  );
  const [message, setMessage] = useState<MessageDraft>(() => restored?.draft ?? EMPTY_MESSAGE);
  // A request with a file keeps its saved messages in it; null: not saved yet, so they are the browser's (by URL).
  const [messages, setMessages] = useState<MessageTemplate[] | null>(() => (saved ? saved.messages : null));
  // The file's variables have no field in this form; they are written back as they were read.
  const variables = saved?.request.variables ?? restored?.request.variables ?? NO_VARIABLES;
  const file = sessions.files[sessionId] ?? null;
  const fileContents = (): { request: WsRequestSpecInput; messages: WsSavedMessage[] } => ({
    request: { ...buildWsSpec(draft), variables },
    messages: messages ?? loadBrowserTemplates(draft.url),
  });
  // the file as read (not the restored form, which may hold edits not saved yet)
  const [savedText, setSavedText] = useState<string | null>(() =>
    saved ? JSON.stringify({ request: { ...buildWsSpec(draftFromWsSpec(saved.request)), variables }, messages: saved.messages }) : null,
  );
  const { report } = sessions;
  useEffect(() => report(sessionId, { request: { ...buildWsSpec(draft), variables }, draft: message }), [report, sessionId, draft, message, variables]);
  const dirty = file !== null && savedText !== JSON.stringify(fileContents());
  const [tab, setTab] = useState<TabId>('message');
  const [callError, setCallError] = useState<string | null>(null);
  // The state only: this side of the panel must not re-render for every batch of messages.
  const state = useSessionState(sessions.store, sessionId);
  const busy = state === 'connecting' || state === 'open' || state === 'reconnecting' || state === 'closing';
  const idPrefix = `ws-${sessionId}`;
  // Held here, not in the Auth tab, so a sign-in in progress survives switching tabs.
  const authTab = useAuthTab(draft.auth.kind === 'oauth2' ? handshakeAsHttpRequest(draft) : null);

  const connect = () => {
    if (draft.url.trim() === '') {
      setCallError('Enter a ws:// or wss:// URL to connect to.');
      return;
    }
    setCallError(null);
    if (!file) sessions.rename(sessionId, sessionTitle(draft.url));
    void sessions.connect(sessionId, buildWsSpec(draft));
  };
  const disconnect = () => sessions.disconnect(sessionId);

  const tabs: TabItem<TabId>[] = [
    { id: 'message', label: 'Message' },
    { id: 'params', label: 'Params' },
    { id: 'headers', label: 'Headers', ariaLabel: 'Handshake headers' },
    { id: 'auth', label: 'Auth' },
    { id: 'settings', label: 'Settings', ariaLabel: 'Connection settings' },
  ];

  return (
    <SplitPane
      label="Resize connection and message log panes"
      direction={wide ? 'row' : 'column'}
      initialRatio={wide ? 0.42 : 0.45}
      first={
        <div className={styles.pane}>
          <div className={styles.paneTop}>
            <SaveBar
              file={file}
              current={fileContents}
              dirty={dirty}
              onOpenVault={onOpenVault}
              onSaved={(next, contents) => {
                sessions.setFile(sessionId, next);
                setMessages(contents.messages);
                setSavedText(JSON.stringify(contents));
              }}
            />
            <ConnectionBar url={draft.url} onUrlChange={(url) => setDraft({ ...draft, url })} state={state} onConnect={connect} onDisconnect={disconnect} />
            {callError ? <InlineMessage tone="error">{callError}</InlineMessage> : null}
          </div>
          <Tabs label="Connection sections" idPrefix={idPrefix} tabs={tabs} selected={tab} onSelect={setTab} />
          <TabPanel idPrefix={idPrefix} id={tab} className={tab === 'message' ? `${styles.tab} ${styles.tabFill}` : styles.tab}>
            {tab === 'message' ? (
              <Composer
                sessionId={sessionId}
                url={draft.url}
                open={state === 'open'}
                templates={messages ? { list: messages, onChange: setMessages } : null}
                draft={message}
                onDraftChange={setMessage}
              />
            ) : null}
            {tab === 'params' ? (
              <RowsPanel label="Query parameters" itemName="parameter" rows={draft.params} onChange={(params) => setDraft({ ...draft, params })} />
            ) : null}
            {tab === 'headers' ? (
              <>
                <RowsPanel label="Handshake headers" itemName="header" rows={draft.headers} onChange={(headers) => setDraft({ ...draft, headers })} />
                <Field label="Subprotocols" hint="Sent as Sec-WebSocket-Protocol, in order of preference." className={styles.subprotocols}>
                  {(control) => (
                    <input
                      {...control}
                      value={draft.subprotocols}
                      placeholder="graphql-transport-ws, chat.v1"
                      onChange={(event) => setDraft({ ...draft, subprotocols: event.target.value })}
                    />
                  )}
                </Field>
              </>
            ) : null}
            {tab === 'auth' ? (
              <Suspense fallback={null}>
                <AuthPanel auth={draft.auth} onChange={(auth) => setDraft({ ...draft, auth })} state={authTab} />
              </Suspense>
            ) : null}
            {tab === 'settings' ? (
              <ConnectionSettings
                settings={draft.settings}
                disabled={busy}
                onChange={(settings) => {
                  setDraft({ ...draft, settings });
                  sessions.store.setCap(sessionId, settings.logCap);
                }}
              />
            ) : null}
          </TabPanel>
        </div>
      }
      second={
        <ActivityPane
          sessionId={sessionId}
          url={draft.url}
          store={sessions.store}
          logCap={draft.settings?.logCap ?? WS_DEFAULT_SETTINGS.logCap}
          onRetry={connect}
        />
      }
    />
  );
}
