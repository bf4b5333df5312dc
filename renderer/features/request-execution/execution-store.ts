import type { BridgeError, HttpExchange, HttpProgress, HttpRequestSpec } from '../../../shared/contract';
import { isEventStream } from '../../../shared/sse';
import type { ExecutionState, PartialResponse } from '../../lib/execution-state';

export interface SendInput {
  requestId: string;
  request: HttpRequestSpec;
  /** a saved request's file: its collection's headers, auth and variables apply */
  workspacePath?: string;
}

/** What the store needs from the outside world; the bridge in the app, hand-driven fakes in tests. */
interface ExecutionStoreDeps {
  send(input: SendInput): Promise<HttpExchange>;
  cancel(requestId: string): void;
  releaseBody(bodyId: string): void;
  newRequestId(): string;
  toError(error: unknown): BridgeError;
  now(): number;
  requestFrame(callback: () => void): number;
  cancelFrame(handle: number): void;
  /** told before a send goes, so what it streams is kept from its first event */
  sendStarted?(requestId: string): void;
  /** told once its send ends however it ends (answered, failed, cancelled, replaced, its tab closed) */
  sendEnded?(requestId: string): void;
}

/** One request tab's execution. Replaced, never mutated, so a snapshot reference says whether anything changed. */
interface TabEntry {
  state: ExecutionState;
  /** the send whose result may still change the state; any other result is stale */
  inFlight: string | null;
  /** the body of the exchange on screen, released when something replaces it or the tab closes */
  shownBody: string | null;
  /** the response section the user chose (Body, Headers…); null = the viewer's default */
  section: string | null;
  /** the request section the user left the tab on (Params, Body, Auth…); null = the builder's default */
  requestSection: string | null;
  /** why the last Send did not go (a problem in the request on screen); the earlier result stays under it */
  refused: string | null;
}

export interface ExecutionStore {
  state(tabId: string): ExecutionState;
  section(tabId: string): string | null;
  requestSection(tabId: string): string | null;
  refusal(tabId: string): string | null;
  /** listens to one tab only: progress in one tab never re-renders another */
  subscribe(tabId: string, listener: () => void): () => void;
  /** starts a send in the tab (cancelling the tab's own send in flight) and returns its requestId */
  send(tabId: string, request: HttpRequestSpec, workspacePath?: string | null): string;
  /** cancels the tab's send in flight, if any; the state becomes 'cancelled' at once */
  cancel(tabId: string): void;
  setSection(tabId: string, section: string): void;
  setRequestSection(tabId: string, section: string): void;
  /**
   * Send was pressed but the request could not go, for `reason`: the tab keeps its last response (it is still the
   * last response; an earlier failure is dropped) and says why nothing was sent, until the next send or until the problem is gone
   * (null: the request on screen can be sent now, the note goes)
   */
  refuse(tabId: string, reason: string | null): void;
  /** the tab shows something else now (a GraphQL subscription): its send is cancelled, its body released */
  clear(tabId: string): void;
  /** the tab closed: its send is cancelled, its body released, and it is forgotten */
  release(tabId: string): void;
  /**
   * Shows a response read back from history in a tab that has nothing else to show; false (and no change) when the
   * tab has sent or shown something meanwhile, so a slow history read never replaces a newer answer.
   */
  showStored(tabId: string, stored: { entryId: number; sentAt: number; exchange: HttpExchange; request: HttpRequestSpec }): boolean;
  /** hears which history entry each tab's response now is (null: none, e.g. the send failed or was cancelled) */
  onResponse(listener: (tabId: string, entryId: number | null) => void): () => void;
  /** releases every tab not in the list (tabs closed by any route: the strip, a restore, a replaced blank tab) */
  retainOnly(tabIds: Iterable<string>): void;
  /** feeds one http.progress event; the states change at most once per frame */
  progress(progress: HttpProgress): void;
  /** the window goes away: everything is cancelled and released */
  dispose(): void;
}

const IDLE: ExecutionState = { kind: 'idle' };

/**
 * Execution state for every open request tab, keyed by tab id. Only a tab's newest send may change that tab's state:
 * results of sends that were cancelled, replaced, or whose tab closed are dropped and their bodies released, so a
 * slow old answer never overwrites a newer one and no body is leaked in the main process.
 */
export function createExecutionStore(deps: ExecutionStoreDeps): ExecutionStore {
  const entries = new Map<string, TabEntry>();
  const listeners = new Map<string, Set<() => void>>();
  /** requestId → tab, for the sends in flight */
  const owners = new Map<string, string>();
  const pendingProgress = new Map<string, HttpProgress>();
  const responseListeners = new Set<(tabId: string, entryId: number | null) => void>();
  let frame = 0;

  const tellResponse = (tabId: string, entryId: number | null): void => {
    for (const listener of [...responseListeners]) listener(tabId, entryId);
  };

  const entry = (tabId: string): TabEntry =>
    entries.get(tabId) ?? { state: IDLE, inFlight: null, shownBody: null, section: null, requestSection: null, refused: null };

  const put = (tabId: string, next: TabEntry): void => {
    entries.set(tabId, next);
    for (const listener of listeners.get(tabId) ?? []) listener();
  };

  const stopInFlight = (tabId: string): string | null => {
    const current = entries.get(tabId);
    const requestId = current?.inFlight ?? null;
    if (!requestId) return null;
    owners.delete(requestId);
    pendingProgress.delete(tabId);
    deps.cancel(requestId);
    deps.sendEnded?.(requestId);
    return requestId;
  };

  const isCurrent = (tabId: string, requestId: string): boolean => entries.get(tabId)?.inFlight === requestId;

  const settle = (tabId: string, requestId: string, exchange: HttpExchange, request: HttpRequestSpec): void => {
    if (!isCurrent(tabId, requestId)) {
      deps.releaseBody(exchange.body.id);
      return;
    }
    owners.delete(requestId);
    put(tabId, { ...entry(tabId), inFlight: null, shownBody: exchange.body.id, state: { kind: 'done', requestId, exchange, request } });
    deps.sendEnded?.(requestId);
    tellResponse(tabId, exchange.historyId ?? null);
  };

  const fail = (tabId: string, requestId: string, error: unknown, request: HttpRequestSpec): void => {
    if (!isCurrent(tabId, requestId)) return;
    owners.delete(requestId);
    const bridgeError = deps.toError(error);
    // what had arrived before the failure (a timeout mid-body) stays on screen, as incomplete, as after Cancel
    const current = entry(tabId);
    const partial = current.state.kind === 'sending' ? partialAfter(current.state.partial, pendingProgress.get(tabId) ?? null) : null;
    pendingProgress.delete(tabId);
    const kept = partial ? { partial } : {};
    const state: ExecutionState =
      bridgeError.code === 'CANCELLED'
        ? { kind: 'cancelled', requestId, request, ...kept }
        : { kind: 'failed', requestId, error: bridgeError, request, ...kept };
    put(tabId, { ...current, inFlight: null, state });
    deps.sendEnded?.(requestId);
    tellResponse(tabId, null);
  };

  const flushProgress = (): void => {
    frame = 0;
    const batch = [...pendingProgress];
    pendingProgress.clear();
    for (const [tabId, progress] of batch) {
      const current = entries.get(tabId);
      if (!current || current.state.kind !== 'sending' || current.state.requestId !== progress.requestId) continue;
      put(tabId, { ...current, state: { ...current.state, progress, partial: partialAfter(current.state.partial, progress) } });
    }
  };

  const release = (tabId: string): void => {
    stopInFlight(tabId);
    const shownBody = entries.get(tabId)?.shownBody;
    if (shownBody) deps.releaseBody(shownBody);
    entries.delete(tabId);
    for (const listener of listeners.get(tabId) ?? []) listener();
  };

  return {
    state: (tabId) => entries.get(tabId)?.state ?? IDLE,
    section: (tabId) => entries.get(tabId)?.section ?? null,
    requestSection: (tabId) => entries.get(tabId)?.requestSection ?? null,
    refusal: (tabId) => entries.get(tabId)?.refused ?? null,
    subscribe(tabId, listener) {
      const set = listeners.get(tabId) ?? new Set();
      listeners.set(tabId, set);
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(tabId);
      };
    },
    send(tabId, request, workspacePath) {
      stopInFlight(tabId);
      const before = entry(tabId);
      if (before.shownBody) deps.releaseBody(before.shownBody);
      const requestId = deps.newRequestId();
      owners.set(requestId, tabId);
      deps.sendStarted?.(requestId);
      put(tabId, {
        ...before,
        inFlight: requestId,
        shownBody: null,
        refused: null,
        state: { kind: 'sending', requestId, startedAt: deps.now(), progress: null, request, partial: null },
      });
      deps.send(workspacePath ? { requestId, request, workspacePath } : { requestId, request }).then(
        (exchange) => settle(tabId, requestId, exchange, request),
        (error: unknown) => fail(tabId, requestId, error, request),
      );
      return requestId;
    },
    cancel(tabId) {
      const pendingAtCancel = pendingProgress.get(tabId) ?? null;
      const sending = entries.get(tabId);
      // An event stream has no end of its own: Cancel (Esc) ends it as its Stop stream button does, and the answer that
      // follows keeps every event that arrived, instead of "cancelled, not kept" (the main process keeps what arrived)
      const head = sending?.state.kind === 'sending' ? (pendingAtCancel?.response ?? sending.state.partial?.head ?? null) : null;
      if (sending?.inFlight && head && isEventStream(head.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1])) {
        deps.cancel(sending.inFlight);
        return;
      }
      const requestId = stopInFlight(tabId);
      if (!requestId) return;
      const current = entry(tabId);
      // what had arrived stays on screen, said to be incomplete (progress still waiting for a frame counts too)
      const partial = current.state.kind === 'sending' ? partialAfter(current.state.partial, pendingAtCancel) : null;
      const state: ExecutionState =
        current.state.kind === 'sending' && current.state.requestId === requestId
          ? { kind: 'cancelled', requestId, request: current.state.request, ...(partial ? { partial } : {}) }
          : current.state;
      put(tabId, { ...current, inFlight: null, state });
      tellResponse(tabId, null);
    },
    setSection(tabId, section) {
      const current = entry(tabId);
      if (current.section !== section) put(tabId, { ...current, section });
    },
    setRequestSection(tabId, requestSection) {
      const current = entry(tabId);
      if (current.requestSection !== requestSection) put(tabId, { ...current, requestSection });
    },
    refuse(tabId, reason) {
      if (reason === null && !entries.has(tabId)) return;
      const current = entry(tabId);
      // A response is worth keeping under the note; an earlier failure is not: it is about a request the user has
      // since changed, and two errors in one pane read as one answer.
      const stale = reason !== null && (current.state.kind === 'failed' || current.state.kind === 'cancelled');
      if (current.refused !== reason || stale) put(tabId, { ...current, refused: reason, ...(stale ? { state: IDLE } : {}) });
    },
    clear(tabId) {
      if (!entries.has(tabId)) return;
      stopInFlight(tabId);
      const current = entry(tabId);
      if (current.shownBody) deps.releaseBody(current.shownBody);
      put(tabId, { ...current, inFlight: null, shownBody: null, refused: null, state: IDLE });
      tellResponse(tabId, null);
    },
    showStored(tabId, { entryId, sentAt, exchange, request }) {
      const current = entry(tabId);
      if (current.inFlight !== null || current.state.kind !== 'idle') return false;
      // History's bodies are not the engine's: nothing to release when this is replaced.
      put(tabId, {
        ...current,
        shownBody: null,
        state: { kind: 'done', requestId: `history-${entryId}`, exchange, request, fromHistory: { entryId, sentAt } },
      });
      tellResponse(tabId, entryId);
      return true;
    },
    onResponse(listener) {
      responseListeners.add(listener);
      return () => responseListeners.delete(listener);
    },
    release,
    retainOnly(tabIds) {
      const keep = new Set(tabIds);
      for (const tabId of [...entries.keys()]) if (!keep.has(tabId)) release(tabId);
    },
    progress(progress) {
      const tabId = owners.get(progress.requestId);
      if (!tabId) return;
      // A head or a preview comes once (or seldom): a later count in the same frame must not drop it.
      const pending = pendingProgress.get(tabId);
      pendingProgress.set(
        tabId,
        pending && (pending.response || pending.preview) && pending.requestId === progress.requestId
          ? { ...progress, response: progress.response ?? pending.response, preview: progress.preview ?? pending.preview }
          : progress,
      );
      if (frame === 0) frame = deps.requestFrame(flushProgress);
    },
    dispose() {
      for (const tabId of [...entries.keys()]) release(tabId);
      if (frame !== 0) deps.cancelFrame(frame);
      frame = 0;
      pendingProgress.clear();
    },
  };
}

/** What the tab knows of the answer after one more progress event (null until its head has come). */
function partialAfter(partial: PartialResponse | null, progress: HttpProgress | null): PartialResponse | null {
  if (progress === null) return partial;
  const head = progress.response ?? partial?.head ?? null;
  if (head === null) return partial;
  return { head, preview: progress.preview ?? partial?.preview ?? null, bytesReceived: progress.bytesReceived, bytesExpected: progress.bytesExpected };
}
