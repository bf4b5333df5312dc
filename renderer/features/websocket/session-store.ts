import type { BridgeError, WsEvent, WsEventBatch, WsHandshake, WsMessage, WsState } from '../../../shared/contract';
import { appendCapped } from '../../../shared/websocket';

export interface SessionView {
  state: WsState | 'idle';
  handshake: WsHandshake | null;
  rejected: Extract<WsEvent, { type: 'rejected' }> | null;
  closed: Extract<WsEvent, { type: 'closed' }> | null;
  error: { at: number; error: BridgeError } | null;
  reconnect: { attempt: number; delayMs: number; at: number } | null;
  /** the tab was connected before the window reloaded and the connection was gone when it came back */
  lost: boolean;
  /** the newest `cap` messages; mutated in place, so read it together with `version` */
  messages: WsMessage[];
  dropped: number;
  cap: number;
  /** changes whenever anything above does */
  version: number;
}

function emptyView(cap: number): SessionView {
  return { state: 'idle', handshake: null, rejected: null, closed: null, error: null, reconnect: null, lost: false, messages: [], dropped: 0, cap, version: 0 };
}

/**
 * The renderer's record of every WebSocket session, fed by the batched 'ws.events' stream. Many batches may arrive
 * between two frames; listeners are told once per frame, so React renders at most at the display's rate however
 * fast messages come.
 */
export class WsSessionStore {
  private readonly views = new Map<string, SessionView>();
  private readonly listeners = new Set<() => void>();
  private frame = 0;

  getView(sessionId: string): SessionView | undefined {
    return this.views.get(sessionId);
  }

  ensure(sessionId: string, cap: number): SessionView {
    let view = this.views.get(sessionId);
    if (!view) {
      view = emptyView(cap);
      this.views.set(sessionId, view);
    }
    return view;
  }

  remove(sessionId: string): void {
    this.views.delete(sessionId);
    this.notify();
  }

  /** A new connect starts a fresh status area; the log stays (it is cleared only on request). */
  resetStatus(sessionId: string, cap: number): void {
    const view = this.ensure(sessionId, cap);
    this.replace(sessionId, { ...view, state: 'connecting', handshake: null, rejected: null, closed: null, error: null, reconnect: null, lost: false, cap });
  }

  /**
   * A reloaded window takes back a session the service still has: its state, handshake and log. Events that came
   * in between (ensure() was called first, so none were dropped) are newer than the log and kept after it.
   */
  attach(sessionId: string, cap: number, attached: { state: WsState; handshake: WsHandshake | null; messages: WsMessage[]; dropped: number }): void {
    const view = this.ensure(sessionId, cap);
    const lastSeq = attached.messages.at(-1)?.seq ?? -Infinity;
    const messages = [...attached.messages];
    const dropped =
      attached.dropped +
      appendCapped(
        messages,
        view.messages.filter((message) => message.seq > lastSeq),
        cap,
      );
    // a state event that arrived meanwhile is newer than the answer
    const state = view.state === 'idle' ? attached.state : view.state;
    this.replace(sessionId, { ...view, state, handshake: view.handshake ?? attached.handshake, lost: false, messages, dropped, cap });
  }

  /** The tab was connected before the reload and its connection is gone: it says so, and waits for Connect. */
  markLost(sessionId: string, cap: number): void {
    const view = this.ensure(sessionId, cap);
    if (view.state === 'idle') this.replace(sessionId, { ...view, lost: true });
  }

  setError(sessionId: string, error: BridgeError): void {
    const view = this.views.get(sessionId);
    if (view) this.replace(sessionId, { ...view, error: { at: Date.now(), error } });
  }

  clear(sessionId: string): void {
    const view = this.views.get(sessionId);
    if (view) this.replace(sessionId, { ...view, messages: [], dropped: 0 });
  }

  setCap(sessionId: string, cap: number): void {
    const view = this.views.get(sessionId);
    if (!view) return;
    const messages = [...view.messages];
    const dropped = appendCapped(messages, [], cap);
    this.replace(sessionId, { ...view, cap, messages, dropped: view.dropped + dropped });
  }

  apply(batch: WsEventBatch): void {
    const view = this.views.get(batch.sessionId);
    // Events of a session the user closed (its last messages, its close) have nowhere to go.
    if (!view) return;
    const next: SessionView = { ...view };
    const incoming: WsMessage[] = [];
    for (const event of batch.events) {
      switch (event.type) {
        case 'message':
          incoming.push(event.message);
          break;
        case 'state':
          next.state = event.state;
          next.reconnect = event.state === 'reconnecting' ? { attempt: event.attempt ?? 1, delayMs: event.delayMs ?? 0, at: event.at } : null;
          break;
        case 'handshake':
          next.handshake = event.handshake;
          next.rejected = null;
          next.closed = null;
          next.error = null;
          break;
        case 'rejected':
          next.rejected = event;
          break;
        case 'closed':
          next.closed = event;
          break;
        case 'error':
          next.error = { at: event.at, error: event.error };
          break;
      }
    }
    if (incoming.length > 0) next.dropped += appendCapped(next.messages, incoming, next.cap);
    this.replace(batch.sessionId, next);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private replace(sessionId: string, view: SessionView): void {
    view.version = view.version + 1;
    this.views.set(sessionId, view);
    this.notify();
  }

  private notify(): void {
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      for (const listener of [...this.listeners]) listener();
    });
  }
}
