import { describe, expect, it } from 'vitest';
import type { ImportedItem, ImportResult } from '../../../shared/contract';
import { NEXT_BATCH, placeEntries, postWithWindow, RESULT_WINDOW, resultMessages, type ImportWorkerMessage } from './import-worker-protocol';

const request = (name: string): ImportedItem => ({ type: 'request', name, description: '', request: { method: 'GET', url: `https://x/${name}`, params: [], headers: [], body: { kind: 'none' }, settings: {} as never, auth: { kind: 'none' }, variables: [] } });
const folder = (name: string, items: ImportedItem[]): ImportedItem => ({ type: 'folder', name, description: '', items });

describe('result in batches', () => {
  it('rebuilds the same tree, nested folders and several collections, whatever the batch size', () => {
    const result: ImportResult = {
      format: 'openapi',
      formatLabel: 'OpenAPI 3.0.0',
      collections: [
        { name: 'A', description: '', variables: [], auth: { kind: 'none' }, items: [request('r0'), folder('f1', [request('a'), folder('f1b', [request('b'), request('c')]), request('d')]), folder('f2', []), request('r3')] },
        { name: 'B', description: '', variables: [], auth: { kind: 'none' }, items: [folder('g', [request('x')])] },
      ],
      environments: [],
      warnings: [],
    };
    for (const size of [1, 2, 3, 100]) {
      const messages = [...resultMessages(result, size)];
      let rebuilt: ImportResult | null = null;
      for (const message of messages as ImportWorkerMessage[]) {
        if (message.type === 'head') rebuilt = structuredClone(message.result);
        if (message.type === 'items') placeEntries(rebuilt!, structuredClone(message.entries));
      }
      expect(rebuilt).toEqual(result);
      expect(messages.at(-1)).toEqual({ type: 'done' });
      if (size === 1) expect(messages.filter((m) => m.type === 'items')).toHaveLength(11);
    }
  });
});

describe('result flow control', () => {
  const batches = (count: number): ImportWorkerMessage[] => [...Array.from({ length: count }, () => ({ type: 'items' as const, entries: [] })), { type: 'done' }];

  it('keeps up to RESULT_WINDOW batches unanswered, then waits for the main thread', async () => {
    const posted: ImportWorkerMessage[] = [];
    const answers: ((value: unknown) => void)[] = [];
    const next = () => new Promise<unknown>((resolve) => answers.push(resolve));
    const done = postWithWindow(batches(6), (message) => posted.push(message), next, RESULT_WINDOW);
    await Promise.resolve();
    expect(RESULT_WINDOW).toBeGreaterThan(1);
    expect(posted).toHaveLength(RESULT_WINDOW);
    answers.shift()!(NEXT_BATCH);
    await new Promise((resolve) => setImmediate(resolve));
    expect(posted).toHaveLength(RESULT_WINDOW + 1);
    while (posted.length < 7) {
      answers.shift()?.(NEXT_BATCH);
      await new Promise((resolve) => setImmediate(resolve));
    }
    for (const answer of answers) answer(NEXT_BATCH);
    await expect(done).resolves.toBe(true);
    expect(posted.at(-1)).toEqual({ type: 'done' });
  });

  it('stops when the main thread answers anything else', async () => {
    const posted: ImportWorkerMessage[] = [];
    await expect(postWithWindow(batches(10), (message) => posted.push(message), async () => 'stop', 2)).resolves.toBe(false);
    expect(posted).toHaveLength(2);
  });
});
