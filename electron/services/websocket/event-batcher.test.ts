import { describe, expect, it } from 'vitest';
import type { WsEvent, WsEventBatch } from '../../../shared/contract';
import { createEventBatcher } from './event-batcher';
import { backoffDelay } from './backoff';

const event: WsEvent = { type: 'state', at: 0, state: 'open' };
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('event batcher', () => {
  it('sends a lone event on the next turn, without waiting for a timer', async () => {
    const batches: WsEventBatch[] = [];
    const batcher = createEventBatcher((batch) => batches.push(batch));
    batcher.push('a', event);
    batcher.push('a', event);
    batcher.push('b', event);
    expect(batches).toHaveLength(0);
    await turn();
    expect(batches.map((b) => [b.sessionId, b.events.length])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    batcher.close();
  });

  it('coalesces a flood into one batch per window once the quick flushes are used up', async () => {
    const batches: WsEventBatch[] = [];
    const batcher = createEventBatcher((batch) => batches.push(batch), { windowMs: 50, immediateFlushesPerWindow: 2 });
    for (let i = 0; i < 10; i++) {
      batcher.push('a', event);
      await turn();
    }
    // 2 quick flushes, then everything else waits for the end of the window.
    expect(batches).toHaveLength(2);
    await new Promise((resolve) => setTimeout(resolve, 70));
    expect(batches).toHaveLength(3);
    expect(batches[2]?.events).toHaveLength(8);
    batcher.close();
  });

  it('sends a full batch at once and everything on flushNow', () => {
    const batches: WsEventBatch[] = [];
    const batcher = createEventBatcher((batch) => batches.push(batch), { maxBatch: 3 });
    for (let i = 0; i < 4; i++) batcher.push('a', event);
    expect(batches.map((b) => b.events.length)).toEqual([3]);
    batcher.flushNow();
    expect(batches.map((b) => b.events.length)).toEqual([3, 1]);
    batcher.close();
  });
});

describe('reconnect backoff', () => {
  it('doubles up to the maximum, with at most 20% taken off', () => {
    expect([1, 2, 3, 4, 10].map((attempt) => backoffDelay(attempt, 500, 3000, () => 1))).toEqual([500, 1000, 2000, 3000, 3000]);
    expect(backoffDelay(1, 500, 3000, () => 0)).toBe(400);
  });
});
