import { Suspense, useEffect, useMemo, useReducer, useRef, useState, type Dispatch, type ReactNode } from 'react';
import type { HttpRequestSpec } from '../../../shared/contract';
import { AUTH_KIND_LABELS } from '../../../shared/contract/values';
import {
  buildAuthRequestSpec,
  buildRequestSpec,
  createDraft,
  hostReferenceProblem,
  hostReferences,
  draftReducer,
  isBlankRow,
  normalizeUrl,
  placeError,
  validateHeaderRows,
  validateMethod,
  validateUrl,
  validateVariableRows,
  BODY_KIND_LABELS,
  settingsChanged,
  type DraftAction,
  type RequestDraft,
} from '../../../shared/request';
import { draftFromSpec } from '../../../shared/history-view';
import type { VariableLayer } from '../../../shared/variables';
import type { ExecutionState } from '../../lib/execution-state';
import { Button, buttonClass, InlineMessage, lazyNamed, type TabItem, TabPanel, Tabs, VariableLookupContext } from '../../ui';
import { AuthPanel, useAuthTab, type InheritedAuthInfo } from '../auth';
import { useVariablesState, VaultRetryButton } from '../environments';
import { BodyMethodNotice } from './body-method-notice';
import { TestsEditor } from '../tests';
import { HeadersPanel } from './headers-panel';
import { ParamsPanel } from './params-panel';
import { ReferenceWarnings } from './reference-warnings';
import { UrlBar } from './url-bar';
import { useDraftVariables } from './use-draft-variables';
import { useCancelShortcut } from './use-cancel-shortcut';
import { useSendShortcut } from './use-send-shortcut';
import { VarsPanel } from './vars-panel';
import styles from './request-builder.module.css';

// A request opens on Params: the other sections' panels (the body editors, auth, tests, scripts, settings) are kept
// out of the JavaScript run before the URL bar is painted, and fetched at idle (preloadRequestSections) so the first
// click on one does not show an empty panel while its chunk arrives.
const BodyPanel = lazyNamed(() => import('./body-panel'), 'BodyPanel');
const ScriptsPanel = lazyNamed(() => import('./scripts-panel'), 'ScriptsPanel');
const SettingsPanel = lazyNamed(() => import('./settings-panel'), 'SettingsPanel');

/** Fetches the request sections' panels ahead of the first click on their tabs. */
export function preloadRequestSections(): Promise<unknown> {
  return Promise.all([BodyPanel, AuthPanel, TestsEditor, ScriptsPanel, SettingsPanel].map((panel) => panel.preload()));
}

type TabId = 'params' | 'headers' | 'body' | 'auth' | 'vars' | 'tests' | 'scripts' | 'settings';
const TAB_IDS: readonly string[] = ['params', 'headers', 'body', 'auth', 'vars', 'tests', 'scripts', 'settings'];
const isTabId = (value: string | null | undefined): value is TabId => value != null && TAB_IDS.includes(value);
const TABS_ID = 'rb';
const MESSAGE_ID = 'rb-url-message';

interface RequestBuilderProps {
  state: ExecutionState;
  onSend: (request: HttpRequestSpec) => void;
  onCancel: () => void;
  /**
   * Send was pressed but the request never left (its URL or method is wrong, a header is malformed), for `reason`:
   * the response pane keeps the previous result and says why nothing was sent; null once nothing stops a send (an
   * environment now defines the host, the header was fixed), so a note about the last attempt does not outlive it
   */
  onRefused?: (reason: string | null) => void;
  /** the request section to open on (the one this tab was left on); Params when not given */
  initialSection?: string | null;
  /** the user (or a refused send) moved to another request section */
  onSectionChange?: (section: string) => void;
  /** a request to start from ("Restore to builder"); read once, so remount (key) to load another */
  initialRequest?: HttpRequestSpec | null;
  /** false while another kind of request (WebSocket) is on screen: Ctrl/⌘+Enter is then not ours */
  active?: boolean;
  /** text pasted into the URL field, with the request as it stands; true = taken (a curl command replaced it) */
  onPasteText?: (text: string, current: HttpRequestSpec) => boolean;
  /** controls beside Send, given a way to read the request as it stands (Export) */
  toolbar?: (current: () => HttpRequestSpec) => ReactNode;
  /** the draft and its dispatch when a parent owns them (request tabs); the builder keeps its own otherwise */
  draft?: RequestDraft;
  dispatch?: Dispatch<DraftAction>;
  /** a saved request's collection and folder variables, nearest first (for highlighting; sending resolves them) */
  inheritedLayers?: readonly VariableLayer[];
  /** opens the vault dialog (the "Unlock" on the locked-secrets warning) */
  onOpenVault?: () => void;
  /** where "Inherit from parent" takes its auth from, for the Auth tab to name it */
  inheritedAuth?: InheritedAuthInfo;
  /** the saved request's file: a GraphQL schema is fetched with its collection's headers, auth and variables */
  workspacePath?: string | null;
}

function countLabel(label: string, count: number, error = false) {
  return (
    <>
      {label}
      {count > 0 || error ? <span className={error ? 'ui-tabs__badge ui-tabs__badge--error' : 'ui-tabs__badge'}>{error ? '!' : count}</span> : null}
    </>
  );
}

/**
 * The request being composed: method, URL, params, headers, body, auth, request variables and settings. Problems
 * that can be seen before sending are shown next to their field and stop the send; composition errors the engine
 * reports come back to the same places. References that will not resolve are flagged under the URL bar but do not
 * stop the send: the server may mean them literally, and the user decides.
 */
export function RequestBuilder({
  state,
  onSend,
  onCancel,
  onRefused,
  initialSection,
  onSectionChange,
  initialRequest = null,
  active = true,
  onPasteText,
  toolbar,
  inheritedLayers,
  onOpenVault,
  inheritedAuth,
  workspacePath = null,
  ...owned
}: RequestBuilderProps) {
  const [ownDraft, ownDispatch] = useReducer(draftReducer, initialRequest, (request) => (request ? draftFromSpec(request) : createDraft()));
  const draft = owned.draft ?? ownDraft;
  const dispatch = owned.dispatch ?? ownDispatch;
  const [tab, setShownTab] = useState<TabId>(isTabId(initialSection) ? initialSection : 'params');
  const setTab = (next: TabId) => {
    setShownTab(next);
    onSectionChange?.(next);
  };
  // Validation speaks up once the user leaves the URL field or presses Send, not on their first keystroke.
  const [urlTouched, setUrlTouched] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const urlRef = useRef<HTMLInputElement>(null);
  const sending = state.kind === 'sending';

  const urlProblem = validateUrl(draft.url);
  const methodProblem = validateMethod(draft.method);
  const headerProblems = useMemo(() => validateHeaderRows(draft.headers), [draft.headers]);
  const headerProblemMap = useMemo(() => new Map(headerProblems.map((p) => [p.rowId, p.message])), [headerProblems]);
  const variableProblems = useMemo(() => validateVariableRows(draft.variables), [draft.variables]);
  const { lookup, problems: referenceProblems, definedIn } = useDraftVariables(draft, inheritedLayers);
  const environmentActive = (useVariablesState().data?.activeEnvironmentId ?? null) !== null;
  // A host that is an unresolved reference is not "sent as written": there is no server to send it to. Worked out
  // from the variables as they are now, so choosing an environment that defines it clears it at once.
  const hostProblem = urlProblem === null ? hostReferenceProblem(draft.url, referenceProblems.unresolved, definedIn) : null;
  const warnedReferences = useMemo(
    () =>
      hostProblem === null
        ? referenceProblems
        : { ...referenceProblems, unresolved: referenceProblems.unresolved.filter((name) => !hostReferences(draft.url, [name]).length) },
    [hostProblem, referenceProblems, draft.url],
  );
  // held here, not in the Auth tab, so a browser sign-in in progress survives switching tabs
  const { auth, variables, settings } = draft;
  const authSpec = useMemo(() => (auth.kind === 'oauth2' ? buildAuthRequestSpec({ auth, variables, settings }) : null), [auth, variables, settings]);
  const authTab = useAuthTab(authSpec);

  // An engine error about our input is shown next to the field it concerns (the response pane shows it too).
  const engineError = state.kind === 'failed' ? state.error : null;
  const engineErrorPlace = engineError ? placeError(engineError.code, engineError.detail) : null;
  // Once the user edits the URL or method, the engine's verdict on the old one no longer applies.
  const requestLineUnchanged = state.kind === 'failed' && state.request.url === normalizeUrl(draft.url) && state.request.method === draft.method.trim();

  const showUrlProblem = urlProblem !== null && (attempted || (urlTouched && draft.url.trim() !== ''));
  const showMethodProblem = methodProblem !== null && attempted;
  const barMessage = showMethodProblem
    ? methodProblem
    : showUrlProblem
      ? urlProblem
      : hostProblem !== null && draft.url.trim() !== ''
        ? hostProblem
        : engineError && (engineErrorPlace === 'url' || engineErrorPlace === 'method') && requestLineUnchanged
          ? engineError.message
          : null;

  const sendable = methodProblem === null && urlProblem === null && hostProblem === null && headerProblems.length === 0;
  useEffect(() => {
    if (sendable) onRefused?.(null);
  }, [sendable, onRefused]);

  // Enter or Ctrl+Enter while this tab's request is in flight sends the request on screen, the one in flight
  // cancelled (as in Postman and Insomnia): the store drops the old answer, so it never shows under the new request.
  const send = () => {
    setAttempted(true);
    const lineProblem = methodProblem ?? urlProblem ?? hostProblem;
    if (lineProblem) {
      onRefused?.(lineProblem);
      urlRef.current?.focus();
      return;
    }
    const headerProblem = headerProblems[0];
    if (headerProblem) {
      onRefused?.(headerProblem.message);
      setTab('headers');
      return;
    }
    onSend(buildRequestSpec(draft));
  };
  useSendShortcut(send, active);
  useCancelShortcut(onCancel, active && sending);

  const enabledCount = (rows: readonly { enabled: boolean; name: string; value: string }[]) => rows.filter((row) => row.enabled && !isBlankRow(row)).length;
  const settingsMarked = settingsChanged(draft.settings, draft.settingTemplates);
  const tabs: TabItem<TabId>[] = [
    { id: 'params', label: countLabel('Params', enabledCount(draft.params)), ariaLabel: 'Params' },
    {
      id: 'headers',
      label: countLabel('Headers', enabledCount(draft.headers), headerProblems.length > 0 || engineErrorPlace === 'headers'),
      ariaLabel: 'Headers',
    },
    {
      id: 'body',
      label: (
        <>
          Body
          {draft.body.kind !== 'none' ? <span className="ui-tabs__badge">{BODY_KIND_LABELS[draft.body.kind]}</span> : null}
        </>
      ),
      ariaLabel: 'Body',
    },
    {
      id: 'auth',
      label: (
        <>
          Auth
          {draft.auth.kind !== 'none' && draft.auth.kind !== 'inherit' ? <span className="ui-tabs__badge">{AUTH_KIND_LABELS[draft.auth.kind]}</span> : null}
          {engineErrorPlace === 'auth' ? <span className="ui-tabs__badge ui-tabs__badge--error">!</span> : null}
        </>
      ),
      ariaLabel: engineErrorPlace === 'auth' ? 'Auth (credential not available)' : 'Auth',
    },
    { id: 'vars', label: countLabel('Vars', enabledCount(draft.variables), variableProblems.size > 0), ariaLabel: 'Vars' },
    {
      id: 'tests',
      label: countLabel('Tests', draft.tests.assertions.filter((row) => row.enabled).length + draft.tests.captures.filter((row) => row.enabled).length),
      ariaLabel: 'Tests',
    },
    {
      id: 'scripts',
      label:
        draft.scripts?.preRequest?.trim() || draft.scripts?.postResponse?.trim() ? (
          <>
            Scripts<span className="ui-tabs__badge">●</span>
          </>
        ) : (
          'Scripts'
        ),
      ariaLabel: 'Scripts',
    },
    {
      id: 'settings',
      label: settingsMarked ? (
        <>
          Settings<span className="ui-tabs__badge">●</span>
        </>
      ) : (
        'Settings'
      ),
      ariaLabel: settingsMarked ? 'Settings (changed)' : 'Settings',
    },
  ];

  return (
    <VariableLookupContext value={lookup}>
      <section className={styles.builder} aria-label="Request">
        <div className={styles.top} data-pane="">
          <UrlBar
            method={draft.method}
            url={draft.url}
            onMethodChange={(method) => dispatch({ type: 'method', method })}
            onUrlChange={(url) => dispatch({ type: 'url', url })}
            onUrlBlur={() => setUrlTouched(true)}
            onSubmit={send}
            onCancel={onCancel}
            sending={sending}
            urlInvalid={showUrlProblem || hostProblem !== null || (engineErrorPlace === 'url' && barMessage !== null)}
            methodInvalid={showMethodProblem || engineErrorPlace === 'method'}
            messageId={MESSAGE_ID}
            urlRef={urlRef}
            onPasteText={onPasteText ? (text) => onPasteText(text, buildRequestSpec(draft)) : undefined}
            extra={toolbar?.(() => buildRequestSpec(draft))}
          />
          {barMessage ? (
            <InlineMessage tone="error" id={MESSAGE_ID}>
              {barMessage}
            </InlineMessage>
          ) : null}
          <ReferenceWarnings problems={warnedReferences} onOpenVault={onOpenVault} />
          <BodyMethodNotice method={draft.method} bodyKind={draft.body.kind} onRemoveBody={() => dispatch({ type: 'body', body: { kind: 'none' } })} />
        </div>
        <Tabs pane label="Request sections" idPrefix={TABS_ID} tabs={tabs} selected={tab} onSelect={setTab} />
        <TabPanel key={tab} idPrefix={TABS_ID} id={tab} className={tab === 'body' ? styles.panelFill : undefined}>
          <Suspense fallback={null}>
            {tab === 'params' ? <ParamsPanel params={draft.params} onChange={(params) => dispatch({ type: 'params', params })} /> : null}
            {tab === 'headers' ? (
              <HeadersPanel
                headers={draft.headers}
                onChange={(headers) => dispatch({ type: 'headers', headers })}
                problems={headerProblemMap}
                error={engineErrorPlace === 'headers' && engineError ? engineError.message : null}
              />
            ) : null}
            {tab === 'body' ? (
              <BodyPanel
                body={draft.body}
                headers={draft.headers}
                onChange={(body) => dispatch({ type: 'body', body })}
                error={engineErrorPlace === 'body' && engineError ? engineError.message : null}
                getRequest={() => buildRequestSpec(draft)}
                workspacePath={workspacePath}
              />
            ) : null}
            {engineErrorPlace === 'auth' && engineError && tab !== 'auth' ? (
              <InlineMessage tone="error">
                {engineError.message}{' '}
                {engineError.code === 'VAULT_LOCKED' && onOpenVault ? (
                  <VaultRetryButton className={buttonClass()} onOpenVault={onOpenVault} onRetry={send} />
                ) : null}{' '}
                <Button onClick={() => setTab('auth')}>Open the Auth tab</Button>
              </InlineMessage>
            ) : null}
            {tab === 'auth' ? (
              <AuthPanel
                auth={draft.auth}
                onChange={(next) => dispatch({ type: 'auth', auth: next })}
                state={authTab}
                error={engineErrorPlace === 'auth' && engineError ? engineError.message : null}
                inherited={inheritedAuth}
              />
            ) : null}
            {tab === 'vars' ? <VarsPanel variables={draft.variables} onChange={(next) => dispatch({ type: 'variables', variables: next })} /> : null}
            {tab === 'tests' ? (
              <TestsEditor
                tests={draft.tests}
                onChange={(tests) => dispatch({ type: 'tests', tests })}
                {...(draft.scripts?.postResponse ? { postResponseScript: draft.scripts.postResponse } : {})}
                onShowScripts={() => setTab('scripts')}
                captureScope={environmentActive ? 'environment' : 'collection'}
              />
            ) : null}
            {tab === 'scripts' ? <ScriptsPanel scripts={draft.scripts} onChange={(scripts) => dispatch({ type: 'scripts', scripts })} /> : null}
            {tab === 'settings' ? (
              <SettingsPanel
                settings={draft.settings}
                onChange={(next) => dispatch({ type: 'settings', settings: next })}
                templates={draft.settingTemplates}
                onTemplatesChange={(settingTemplates) => dispatch({ type: 'settingTemplates', settingTemplates })}
              />
            ) : null}
          </Suspense>
        </TabPanel>
      </section>
    </VariableLookupContext>
  );
}
