import { describe, expect, it } from 'vitest';
import { NEXT_BATCH, postWithWindow, RESULT_WINDOW, type ImportWorkerMessage } from './import-worker-protocol';

describe('result flow control', () => {
  const batches = (count: number): ImportWorkerMessage[] => [
    ...Array.from({ length: count }, () => ({ type: 'items' as const, entries: [], texts: [] })),
    { type: 'done' },
  ];

  it('keeps up to RESULT_WINDOW batches unanswered, then waits for the main thread', async () => {
    const posted: ImportWorkerMessage[] = [];
    const answers: ((value: unknown) => void)[] = [];
    const next = () => new Promise<unknown>((resolve) => answers.push(resolve));
    const done = postWithWindow(batches(RESULT_WINDOW), (message) => posted.push(message), next, RESULT_WINDOW);
    await Promise.resolve();
    expect(RESULT_WINDOW).toBeGreaterThan(1);
    expect(posted).toHaveLength(RESULT_WINDOW);
    answers.shift()!(NEXT_BATCH);
    await new Promise((resolve) => setImmediate(resolve));
    expect(posted).toHaveLength(RESULT_WINDOW + 1);
    while (posted.length < RESULT_WINDOW + 1) {
      answers.shift()?.(NEXT_BATCH);
      await new Promise((resolve) => setImmediate(resolve));
    }
    for (const answer of answers) answer(NEXT_BATCH);
    await expect(done).resolves.toBe(true);
    expect(posted.at(-1)).toEqual({ type: 'done' });
  });

  it('stops when the main thread answers anything else', async () => {
    const posted: ImportWorkerMessage[] = [];
    await expect(
      postWithWindow(
        batches(10),
        (message) => posted.push(message),
        async () => 'stop',
        2,
      ),
    ).resolves.toBe(false);
    expect(posted).toHaveLength(2);
  });
});
