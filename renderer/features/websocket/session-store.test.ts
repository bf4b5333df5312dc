// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { WsEvent, WsMessage } from '../../../shared/contract';
import { WsSessionStore } from './session-store';

const message = (seq: number): WsEvent => ({
  type: 'message',
  message: { seq, direction: 'received', at: seq, kind: 'text', opcode: 1, size: 1, text: String(seq) } satisfies WsMessage,
});

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

describe('WsSessionStore', () => {
  it('folds a batch into the session: lifecycle, messages, and one notification per frame', async () => {
    const store = new WsSessionStore();
    let notified = 0;
    store.subscribe(() => (notified += 1));
    store.resetStatus('s', 100);
    store.apply({
      sessionId: 's',
      events: [
        { type: 'state', at: 1, state: 'connecting' },
        { type: 'handshake', at: 2, handshake: { url: 'ws://x', status: 101, statusText: 'Switching Protocols', headers: [], protocol: '', extensions: '' } },
        { type: 'state', at: 3, state: 'open' },
        message(1),
      ],
    });
    store.apply({ sessionId: 's', events: [message(2)] });
    await nextFrame();
    const view = store.getView('s')!;
    expect(view.state).toBe('open');
    expect(view.handshake?.status).toBe(101);
    expect(view.messages.map((m) => m.seq)).toEqual([1, 2]);
    expect(notified).toBe(1);
  });

  it('caps the log, counts what it dropped, and applies a new cap at once', () => {
    const store = new WsSessionStore();
    store.resetStatus('s', 10);
    store.apply({ sessionId: 's', events: Array.from({ length: 25 }, (_, i) => message(i + 1)) });
    expect(store.getView('s')!.messages).toHaveLength(10);
    expect(store.getView('s')!.dropped).toBe(15);
    store.setCap('s', 4);
    expect(store.getView('s')!.messages.map((m) => m.seq)).toEqual([22, 23, 24, 25]);
    expect(store.getView('s')!.dropped).toBe(21);
  });

  it('shows reconnect plans and a refused handshake, and ignores sessions it does not know', () => {
    const store = new WsSessionStore();
    store.resetStatus('s', 10);
    store.apply({ sessionId: 's', events: [{ type: 'state', at: 1, state: 'reconnecting', attempt: 2, delayMs: 1000 }] });
    expect(store.getView('s')!.reconnect).toEqual({ attempt: 2, delayMs: 1000, at: 1 });
    store.apply({ sessionId: 's', events: [{ type: 'rejected', at: 2, status: 401, statusText: 'Unauthorized', headers: [], bodyExcerpt: 'no' }] });
    expect(store.getView('s')!.rejected?.status).toBe(401);
    store.apply({ sessionId: 'gone', events: [message(1)] });
    expect(store.getView('gone')).toBeUndefined();
  });

  it("re-attaches a session after a reload: the service's log first, events that came meanwhile after it, once each", () => {
    const store = new WsSessionStore();
    store.ensure('s', 100);
    // events arriving while ws.attach was on its way: one already in the log, one newer
    store.apply({ sessionId: 's', events: [message(2), message(3)] });
    const handshake = { url: 'ws://x', status: 101, statusText: 'Switching Protocols', headers: [], protocol: '', extensions: '' };
    const log = [1, 2].map((seq) => (message(seq) as Extract<WsEvent, { type: 'message' }>).message);
    store.attach('s', 100, { state: 'open', handshake, messages: log, dropped: 5 });
    const view = store.getView('s')!;
    expect(view.state).toBe('open');
    expect(view.handshake?.status).toBe(101);
    expect(view.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(view.dropped).toBe(5);
    expect(view.lost).toBe(false);
  });

  it('marks a tab whose connection did not survive the reload, until it connects again', () => {
    const store = new WsSessionStore();
    store.markLost('s', 100);
    expect(store.getView('s')).toMatchObject({ state: 'idle', lost: true });
    store.resetStatus('s', 100);
    expect(store.getView('s')).toMatchObject({ state: 'connecting', lost: false });
  });
});
