import { beforeEach, describe, expect, it } from 'vitest';
import type { BridgeError, HttpExchange, HttpRequestSpec } from '../../../shared/contract';
import { createExecutionStore, type ExecutionStore, type SendInput } from './execution-store';

const request: HttpRequestSpec = {
  method: 'GET',
  url: 'http://127.0.0.1:1/x',
  params: [],
  headers: [],
  body: { kind: 'none' },
  settings: {
    connectTimeoutMs: 1000,
    deadlineMs: 0,
    idleTimeoutMs: 1000,
    followRedirects: true,
    maxRedirects: 5,
    keepCredentialsOnRedirect: false,
    useCookieJar: true,
    verifyTls: true,
    maxResponseBytes: 1000,
    maxDecodedBytes: 1000,
  },
  auth: { kind: 'none' },
  variables: [],
};

function exchange(requestId: string, bodyId: string): HttpExchange {
  return {
    requestId,
    request: { method: 'GET', url: request.url, httpVersion: '1.1', headers: [], bodyBytes: 0 },
    response: { status: 200, statusText: 'OK', httpVersion: '1.1', headers: [] },
    redirects: [],
    timings: { startedAt: 0, dns: 0, connect: 0, tls: 0, wait: 1, download: 1, total: 2, reusedConnection: false },
    sizes: { requestHeaderBytes: 0, requestBodyBytes: 0, responseHeaderBytes: 0, responseBodyWireBytes: 0, responseBodyBytes: 0 },
    remoteAddress: null,
    remotePort: null,
    tls: null,
    body: { id: bodyId, size: 0, contentType: null, contentEncodings: [], spooled: false },
    raw: { requestHead: '', responseHead: '' },
    warnings: [],
  };
}

class Failure extends Error {
  constructor(readonly error: BridgeError) {
    super(error.message);
  }
}

/** The outside world, driven by hand: each send waits until the test settles it; frames run when the test says. */
function harness() {
  const sends = new Map<string, { input: SendInput; resolve: (exchange: HttpExchange) => void; reject: (error: unknown) => void }>();
  const cancelled: string[] = [];
  const released: string[] = [];
  const lifecycle: string[] = [];
  let frames: (() => void)[] = [];
  let next = 0;
  const store = createExecutionStore({
    send: (input) => new Promise((resolve, reject) => sends.set(input.requestId, { input, resolve, reject })),
    cancel: (requestId) => void cancelled.push(requestId),
    releaseBody: (bodyId) => void released.push(bodyId),
    newRequestId: () => `r${(next += 1)}`,
    toError: (error) => (error instanceof Failure ? error.error : { code: 'INTERNAL', message: 'boom' }),
    now: () => 1000,
    requestFrame: (callback) => frames.push(callback),
    cancelFrame: () => {
      frames = [];
    },
    sendStarted: (requestId) => void lifecycle.push(`start ${requestId}`),
    sendEnded: (requestId) => void lifecycle.push(`end ${requestId}`),
  });
  const answer = async (requestId: string, bodyId: string, historyId?: number) => {
    sends.get(requestId)!.resolve(historyId === undefined ? exchange(requestId, bodyId) : { ...exchange(requestId, bodyId), historyId });
    await Promise.resolve();
  };
  const failWith = async (requestId: string, error: BridgeError) => {
    sends.get(requestId)!.reject(new Failure(error));
    await Promise.resolve();
  };
  const runFrames = () => {
    const due = frames;
    frames = [];
    for (const frame of due) frame();
  };
  return { store, sends, cancelled, released, lifecycle, answer, failWith, runFrames, pendingFrames: () => frames.length };
}

function watch(store: ExecutionStore, tabId: string): { count: () => number } {
  let calls = 0;
  store.subscribe(tabId, () => (calls += 1));
  return { count: () => calls };
}

let h: ReturnType<typeof harness>;
beforeEach(() => {
  h = harness();
});

describe('execution store', () => {
  it('keeps two tabs in flight at once, each with its own state and answer', async () => {
    const a = h.store.send('A', request);
    const b = h.store.send('B', request, 'col/req.request.json');
    expect(h.sends.get(b)?.input).toEqual({ requestId: b, request, workspacePath: 'col/req.request.json' });
    expect(h.store.state('A')).toMatchObject({ kind: 'sending', requestId: a });
    expect(h.store.state('B')).toMatchObject({ kind: 'sending', requestId: b });
    expect(h.cancelled).toEqual([]);

    await h.answer(b, 'body-B');
    expect(h.store.state('B')).toMatchObject({ kind: 'done', requestId: b, exchange: { body: { id: 'body-B' } } });
    expect(h.store.state('A')).toMatchObject({ kind: 'sending', requestId: a });
    expect(h.store.state('C')).toEqual({ kind: 'idle' });
  });

  it("cancels one tab only, and drops that tab's late answer (releasing its body)", async () => {
    const a = h.store.send('A', request);
    const b = h.store.send('B', request);
    h.store.cancel('A');
    expect(h.cancelled).toEqual([a]);
    expect(h.store.state('A')).toEqual({ kind: 'cancelled', requestId: a, request });
    expect(h.store.state('B')).toMatchObject({ kind: 'sending', requestId: b });

    // The engine finished just before the cancel reached it: the answer must not replace "cancelled".
    await h.answer(a, 'late-A');
    expect(h.released).toEqual(['late-A']);
    expect(h.store.state('A').kind).toBe('cancelled');
    await h.answer(b, 'body-B');
    expect(h.store.state('B').kind).toBe('done');
    expect(h.released).toEqual(['late-A']);
  });

  it('a new send in a tab replaces its own send: the stale answer is dropped and the shown body released', async () => {
    const first = h.store.send('A', request);
    await h.answer(first, 'body-1');
    const second = h.store.send('A', request);
    expect(h.released).toEqual(['body-1']);
    const third = h.store.send('A', request);
    expect(h.cancelled).toEqual([second]);
    await h.answer(second, 'stale-2');
    expect(h.released).toEqual(['body-1', 'stale-2']);
    expect(h.store.state('A')).toMatchObject({ kind: 'sending', requestId: third });
    await h.answer(third, 'body-3');
    expect(h.store.state('A')).toMatchObject({ kind: 'done', requestId: third });
  });

  it('says when each send starts, before it goes, and ends, once, however it ends (so its live events are kept and let go)', async () => {
    const a = h.store.send('A', request);
    expect(h.lifecycle).toEqual([`start ${a}`]);
    expect(h.sends.has(a)).toBe(true);
    await h.answer(a, 'body-A');
    const b = h.store.send('B', request);
    await h.failWith(b, { code: 'CONNECTION_REFUSED', message: 'refused' });
    const c = h.store.send('C', request);
    h.store.cancel('C');
    await h.answer(c, 'late-C');
    const d = h.store.send('D', request);
    const e = h.store.send('D', request);
    const f = h.store.send('E', request);
    h.store.release('E');
    const g = h.store.send('F', request);
    h.store.dispose();
    expect(h.lifecycle).toEqual([
      `start ${a}`,
      `end ${a}`,
      `start ${b}`,
      `end ${b}`,
      `start ${c}`,
      `end ${c}`,
      `start ${d}`,
      `end ${d}`,
      `start ${e}`,
      `start ${f}`,
      `end ${f}`,
      `start ${g}`,
      `end ${e}`,
      `end ${g}`,
    ]);
  });

  it('maps failures, and a CANCELLED error to cancelled', async () => {
    const a = h.store.send('A', request);
    const b = h.store.send('B', request);
    await h.failWith(a, { code: 'CONNECTION_REFUSED', message: 'refused' });
    await h.failWith(b, { code: 'CANCELLED', message: 'Request cancelled' });
    expect(h.store.state('A')).toMatchObject({ kind: 'failed', error: { code: 'CONNECTION_REFUSED' } });
    expect(h.store.state('B')).toMatchObject({ kind: 'cancelled', requestId: b });
  });

  it('closing a tab cancels its request, releases its body, and drops what arrives later', async () => {
    const a = h.store.send('A', request);
    await h.answer(a, 'body-A');
    const inFlight = h.store.send('A', request);
    const b = h.store.send('B', request);
    await h.answer(b, 'body-B');
    expect(h.released).toEqual(['body-A']);

    h.store.retainOnly(['A']);
    expect(h.released).toEqual(['body-A', 'body-B']);
    expect(h.store.state('B')).toEqual({ kind: 'idle' });

    h.store.release('A');
    expect(h.cancelled).toEqual([inFlight]);
    await h.answer(inFlight, 'late-A');
    expect(h.released).toEqual(['body-A', 'body-B', 'late-A']);
    expect(h.store.state('A')).toEqual({ kind: 'idle' });
  });

  it('routes progress to its own tab, once per frame, and tells only that tab', () => {
    const a = h.store.send('A', request);
    h.store.send('B', request);
    const watchA = watch(h.store, 'A');
    const watchB = watch(h.store, 'B');
    h.store.progress({ requestId: 'someone-else', phase: 'downloading', bytesReceived: 1, bytesExpected: null });
    expect(h.pendingFrames()).toBe(0);
    for (let bytes = 1; bytes <= 100; bytes += 1) h.store.progress({ requestId: a, phase: 'downloading', bytesReceived: bytes, bytesExpected: 100 });
    expect(h.pendingFrames()).toBe(1);
    expect(watchA.count()).toBe(0);
    h.runFrames();
    const state = h.store.state('A');
    expect(state.kind === 'sending' && state.progress?.bytesReceived).toBe(100);
    expect(watchA.count()).toBe(1);
    expect(watchB.count()).toBe(0);
  });

  it("keeps each tab's streamed head and first lines across later counts, and keeps them, as incomplete, after Cancel", () => {
    const a = h.store.send('A', request);
    const b = h.store.send('B', request);
    const head = { status: 200, statusText: 'OK', headers: [['content-type', 'application/json']] as [string, string][] };
    const preview = (text: string) => ({ kind: 'json' as const, text, bytes: text.length, complete: false });
    h.store.progress({ requestId: a, phase: 'downloading', bytesReceived: 0, bytesExpected: null, response: head });
    h.store.progress({ requestId: a, phase: 'downloading', bytesReceived: 10, bytesExpected: null, preview: preview('[1,') });
    h.store.progress({ requestId: b, phase: 'downloading', bytesReceived: 5, bytesExpected: 9, response: { ...head, status: 201 }, preview: preview('"b"') });
    // a count without a preview in the same frame does not drop the one before it
    h.store.progress({ requestId: a, phase: 'downloading', bytesReceived: 20, bytesExpected: null });
    h.runFrames();
    expect(h.store.state('A')).toMatchObject({ partial: { head: { status: 200 }, preview: { text: '[1,' }, bytesReceived: 20 } });
    expect(h.store.state('B')).toMatchObject({ partial: { head: { status: 201 }, preview: { text: '"b"' }, bytesReceived: 5, bytesExpected: 9 } });
    h.store.progress({ requestId: a, phase: 'downloading', bytesReceived: 30, bytesExpected: null });
    h.runFrames();
    expect(h.store.state('A')).toMatchObject({ partial: { preview: { text: '[1,' }, bytesReceived: 30 } });

    h.store.progress({ requestId: a, phase: 'downloading', bytesReceived: 40, bytesExpected: null });
    h.store.cancel('A');
    expect(h.cancelled).toEqual([a]);
    expect(h.store.state('A')).toMatchObject({ kind: 'cancelled', partial: { head: { status: 200 }, preview: { text: '[1,' }, bytesReceived: 40 } });
    expect(h.store.state('B')).toMatchObject({ kind: 'sending', partial: { head: { status: 201 } } });
  });

  it('Cancel on an event stream stops it as Stop stream does: the send goes on to its answer, which keeps what arrived', async () => {
    const a = h.store.send('A', request);
    const stream = { status: 200, statusText: 'OK', headers: [['Content-Type', 'text/event-stream; charset=utf-8']] as [string, string][] };
    // the head may still wait for its frame when Esc comes
    h.store.progress({ requestId: a, phase: 'downloading', bytesReceived: 300, bytesExpected: null, response: stream });
    h.store.cancel('A');
    expect(h.cancelled).toEqual([a]);
    expect(h.store.state('A')).toMatchObject({ kind: 'sending', requestId: a });
    await h.answer(a, 'stream-A');
    expect(h.store.state('A')).toMatchObject({ kind: 'done', requestId: a });
    expect(h.released).toEqual([]);

    // before its head has come, nothing says it is a stream: Cancel cancels
    const b = h.store.send('B', request);
    h.store.cancel('B');
    expect(h.store.state('B')).toMatchObject({ kind: 'cancelled', requestId: b });
  });

  it('keeps what had arrived when the send fails mid-body (a server gone silent), as after Cancel', async () => {
    const a = h.store.send('A', request);
    const head = { status: 200, statusText: 'OK', headers: [['content-type', 'application/json']] as [string, string][] };
    h.store.progress({ requestId: a, phase: 'downloading', bytesReceived: 0, bytesExpected: null, response: head });
    h.runFrames();
    // the last count had not reached a frame yet when the failure came
    h.store.progress({
      requestId: a,
      phase: 'downloading',
      bytesReceived: 8192,
      bytesExpected: null,
      preview: { kind: 'json', text: '[1,', bytes: 8192, complete: false },
    });
    await h.failWith(a, { code: 'IDLE_TIMEOUT', message: 'The server went silent' });
    expect(h.store.state('A')).toMatchObject({
      kind: 'failed',
      error: { code: 'IDLE_TIMEOUT' },
      partial: { head: { status: 200 }, preview: { text: '[1,' }, bytesReceived: 8192 },
    });
    h.runFrames();
    expect(h.store.state('A')).toMatchObject({ kind: 'failed' });
  });

  it('keeps the chosen response section across sends of the same tab, per tab', async () => {
    const a = h.store.send('A', request);
    await h.answer(a, 'body-A');
    h.store.setSection('A', 'headers');
    const again = h.store.send('A', request);
    await h.answer(again, 'body-A2');
    expect(h.store.section('A')).toBe('headers');
    expect(h.store.section('B')).toBeNull();
    h.store.clear('A');
    expect(h.store.state('A')).toEqual({ kind: 'idle' });
    expect(h.store.section('A')).toBe('headers');
    expect(h.released).toEqual(['body-A', 'body-A2']);
  });

  it("a refused send keeps the tab's last response and says why until the next send", async () => {
    const a = h.store.send('A', request);
    await h.answer(a, 'body-A');
    h.store.refuse('A', 'Header name "Bad Header:" contains a space.');
    expect(h.store.state('A')).toMatchObject({ kind: 'done', requestId: a });
    expect(h.store.refusal('A')).toBe('Header name "Bad Header:" contains a space.');
    expect(h.store.refusal('B')).toBeNull();
    expect(h.released).toEqual([]);
    h.store.refuse('A', null);
    expect(h.store.refusal('A')).toBeNull();
    h.store.refuse('A', 'again');
    const b = h.store.send('A', request);
    expect(h.store.refusal('A')).toBeNull();
    // an earlier failure is not kept under the note: it was about the request as it was
    await h.failWith(b, { code: 'CONNECTION_REFUSED', message: 'refused' });
    h.store.refuse('A', 'bad URL');
    expect(h.store.state('A')).toEqual({ kind: 'idle' });
    expect(h.store.refusal('A')).toBe('bad URL');
  });

  it('remembers the request section each tab was left on', () => {
    h.store.setRequestSection('A', 'auth');
    h.store.setRequestSection('B', 'body');
    expect(h.store.requestSection('A')).toBe('auth');
    expect(h.store.requestSection('B')).toBe('body');
    expect(h.store.requestSection('C')).toBeNull();
    h.store.retainOnly(['B']);
    expect(h.store.requestSection('A')).toBeNull();
  });

  it('dispose cancels and releases everything', async () => {
    const a = h.store.send('A', request);
    await h.answer(a, 'body-A');
    const b = h.store.send('B', request);
    h.store.progress({ requestId: b, phase: 'downloading', bytesReceived: 1, bytesExpected: null });
    h.store.dispose();
    expect(h.cancelled).toEqual([b]);
    expect(h.released).toEqual(['body-A']);
    expect(h.pendingFrames()).toBe(0);
  });

  it('shows a response read back from history only in a tab that shows nothing yet, never releasing history bodies', async () => {
    const stored = { entryId: 7, sentAt: 500, exchange: exchange('old', 'history:abc'), request };
    expect(h.store.showStored('A', stored)).toBe(true);
    expect(h.store.state('A')).toMatchObject({ kind: 'done', exchange: { body: { id: 'history:abc' } }, fromHistory: { entryId: 7, sentAt: 500 } });
    expect(h.store.state('B')).toEqual({ kind: 'idle' });
    // The user sent in B before B's history read came back: the late read must not replace the newer answer.
    const b = h.store.send('B', request);
    expect(h.store.showStored('B', stored)).toBe(false);
    await h.answer(b, 'body-B');
    expect(h.store.showStored('B', stored)).toBe(false);
    expect(h.store.state('B')).toMatchObject({ kind: 'done', exchange: { body: { id: 'body-B' } } });
    // A new send in A replaces the stored response; history's body is not the engine's to release.
    const a = h.store.send('A', request);
    await h.answer(a, 'body-A');
    h.store.release('A');
    expect(h.released).toEqual(['body-A']);
  });

  it("tells which history entry each tab now shows: the answer's entry, or none after a failure or cancel", async () => {
    const heard: [string, number | null][] = [];
    const stop = h.store.onResponse((tabId, entryId) => heard.push([tabId, entryId]));
    const a = h.store.send('A', request);
    const b = h.store.send('B', request);
    await h.answer(b, 'body-B', 42);
    await h.answer(a, 'body-A', 41);
    const again = h.store.send('A', request);
    await h.failWith(again, { code: 'CONNECTION_REFUSED', message: 'refused' });
    h.store.send('B', request);
    h.store.cancel('B');
    h.store.showStored('C', { entryId: 9, sentAt: 1, exchange: exchange('old', 'history:c'), request });
    stop();
    h.store.clear('A');
    expect(heard).toEqual([
      ['B', 42],
      ['A', 41],
      ['A', null],
      ['B', null],
      ['C', 9],
    ]);
  });
});
