import { beforeEach, describe, expect, it } from 'vitest';
import type { SseEvent } from '../../../shared/contract';
import { createLiveSseStore, type LiveSseStore } from './live-sse-store';

const events = (from: number, count: number): SseEvent[] =>
  Array.from({ length: count }, (_, i) => ({ index: from + i, event: 'message', id: '', data: `e${from + i}`, retry: null }));

let frames: (() => void)[];
let kept: number[];
let store: LiveSseStore;
const runFrames = () => {
  const due = frames;
  frames = [];
  for (const frame of due) frame();
};

beforeEach(() => {
  frames = [];
  kept = [];
  store = createLiveSseStore({
    requestFrame: (callback) => frames.push(callback),
    cancelFrame: () => {
      frames = [];
    },
    initialCap: () => 100,
    keepCap: (cap) => void kept.push(cap),
    maxBuffers: 3,
  });
});

describe('live SSE store', () => {
  it('keeps the batches that come before any view listens, and shows them once per frame', () => {
    store.begin('r1');
    store.add({ requestId: 'r1', events: events(0, 30) });
    store.add({ requestId: 'r1', events: events(30, 20) });
    expect(frames).toHaveLength(1);
    expect(store.version('r1')).toBe(0);
    runFrames();
    // a view that mounts only now (its code was still loading) finds all 50
    let heard = 0;
    store.subscribe('r1', () => (heard += 1));
    expect(store.version('r1')).toBe(1);
    expect(store.buffer('r1')?.events.map((event) => event.index)).toEqual(events(0, 50).map((event) => event.index));
    store.add({ requestId: 'r1', events: events(50, 1) });
    store.add({ requestId: 'r1', events: events(51, 1) });
    runFrames();
    expect(heard).toBe(1);
    expect(store.version('r1')).toBe(2);
    expect(store.buffer('r1')?.events).toHaveLength(52);
  });

  it('keeps one array grown in place, trimmed to the cap with the rest counted as dropped; the cap can be changed', () => {
    store.begin('r1');
    const array = store.buffer('r1')!.events;
    store.add({ requestId: 'r1', events: events(0, 150) });
    expect(store.buffer('r1')).toMatchObject({ dropped: 50, cap: 100 });
    expect(store.buffer('r1')!.events).toBe(array);
    expect(array[0]!.index).toBe(50);
    let heard = 0;
    store.subscribe('r1', () => (heard += 1));
    store.setCap('r1', 10);
    expect(heard).toBe(1);
    expect(kept).toEqual([10]);
    expect(store.buffer('r1')).toMatchObject({ dropped: 140, cap: 10 });
    expect(array.map((event) => event.index)).toEqual([140, 141, 142, 143, 144, 145, 146, 147, 148, 149]);
  });

  it('keeps each send apart and releases a buffer when its send ends: late batches of an ended send are not kept', () => {
    store.begin('r1');
    store.begin('r2');
    store.add({ requestId: 'r1', events: events(0, 2) });
    store.add({ requestId: 'r2', events: events(0, 5) });
    store.add({ requestId: 'unknown', events: events(0, 5) });
    runFrames();
    expect(store.buffer('r1')?.events).toHaveLength(2);
    expect(store.buffer('r2')?.events).toHaveLength(5);
    expect(store.buffer('unknown')).toBeNull();
    let heard = 0;
    store.subscribe('r1', () => (heard += 1));
    store.end('r1');
    expect(heard).toBe(1);
    expect(store.buffer('r1')).toBeNull();
    expect(store.version('r1')).toBe(0);
    store.add({ requestId: 'r1', events: events(2, 1) });
    runFrames();
    expect(store.buffer('r1')).toBeNull();
    expect(store.buffer('r2')?.events).toHaveLength(5);
  });

  it('keeps at most its bound of buffers, dropping the oldest send first', () => {
    for (let n = 1; n <= 5; n += 1) store.begin(`r${n}`);
    expect(['r1', 'r2', 'r3', 'r4', 'r5'].map((id) => store.buffer(id) !== null)).toEqual([false, false, true, true, true]);
    const alive = (...ids: string[]) => ids.filter((id) => store.buffer(id) !== null);
    store.end('r4');
    store.begin('r6');
    expect(alive('r3', 'r4', 'r5', 'r6')).toEqual(['r3', 'r5', 'r6']);
    store.begin('r7');
    expect(alive('r3', 'r5', 'r6', 'r7')).toEqual(['r5', 'r6', 'r7']);
  });

  it('lets go of everything when the window goes away', () => {
    store.begin('r1');
    store.add({ requestId: 'r1', events: events(0, 1) });
    store.dispose();
    expect(frames).toHaveLength(0);
    expect(store.buffer('r1')).toBeNull();
  });
});
