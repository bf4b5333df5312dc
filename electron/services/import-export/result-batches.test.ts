import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import type { ImportedItem, ImportResult, RequestBody } from '../../../shared/contract';
import type { ImportWorkerMessage } from './import-worker-protocol';
import { ResultAssembler, resultMessages, sizeOf, type BatchLimits } from './result-batches';

const request = (name: string, body: RequestBody = { kind: 'none' }, description = ''): ImportedItem => ({
  type: 'request',
  name,
  description,
  request: { method: 'GET', url: `https://x/${name}`, params: [], headers: [], body, settings: {} as never, auth: { kind: 'none' }, variables: [] },
});
const folder = (name: string, items: ImportedItem[]): ImportedItem => ({ type: 'folder', name, description: '', items });
const resultOf = (...collections: ImportedItem[][]): ImportResult => ({
  format: 'openapi',
  formatLabel: 'OpenAPI 3.0.0',
  collections: collections.map((items, index) => ({ name: `C${index}`, description: '', variables: [], auth: { kind: 'none' }, items })),
  environments: [],
  warnings: [],
});

/** what the main thread does with the worker's messages, through structured clone as a MessagePort would */
function send(result: ImportResult, limits: BatchLimits): { rebuilt: ImportResult; items: Extract<ImportWorkerMessage, { type: 'items' }>[]; sizes: number[] } {
  const messages = [...resultMessages(result, limits)].map((message) => structuredClone(message));
  const sizes = messages.filter((message) => message.type === 'items').map((message) => serialize(message).length);
  expect(messages.at(-1)).toEqual({ type: 'done' });
  const head = messages[0]!;
  if (head.type !== 'head') throw new Error('no head');
  const assembler = new ResultAssembler(head.result);
  const items = messages.filter((message) => message.type === 'items');
  for (const message of items) assembler.add(message.entries, message.texts);
  return { rebuilt: assembler.result, items, sizes };
}

describe('result in batches', () => {
  it('rebuilds the same tree, nested folders and several collections, whatever the limits', () => {
    const json = { kind: 'json' as const, text: JSON.stringify({ a: 'x'.repeat(100) }, null, 2) };
    const result = resultOf(
      [
        request('r0', json),
        folder('f1', [
          request('a'),
          folder('f1b', [request('b', json), request('c', { kind: 'text', text: 'y'.repeat(80), contentType: 'text/plain' })]),
          request('d'),
        ]),
        folder('f2', []),
        request('r3', json),
      ],
      [folder('g', [request('x', { kind: 'json', text: '{}' })])],
    );
    for (const limits of [
      { entries: 1, bytes: 1e9 },
      { entries: 2, bytes: 1e9 },
      { entries: 3, bytes: 1e9 },
      { entries: 100, bytes: 1e9 },
      { entries: 100, bytes: 1 },
      { entries: 100, bytes: 400 },
    ]) {
      const { rebuilt, items } = send(result, limits);
      expect(rebuilt).toEqual(result);
      if (limits.entries === 1 || limits.bytes === 1) expect(items).toHaveLength(11);
    }
  });

  it('sends a body text shared by many requests once', () => {
    const body = { kind: 'json' as const, text: JSON.stringify(Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`field${i}`, 'string'])), null, 2) };
    const result = resultOf(Array.from({ length: 1000 }, (_, i) => request(`r${i}`, body)));
    const { rebuilt, items, sizes } = send(result, { entries: 50, bytes: 64 * 1024 });
    expect(rebuilt).toEqual(result);
    expect(items.flatMap((message) => message.texts)).toEqual([body.text]);
    const sent = sizes.reduce((total, size) => total + size, 0);
    // a copy per request would be 1,000 times the text
    expect(sent).toBeLessThan(2 * body.text.length + 1000 * 300);
  });

  it('bounds each message by its estimated size, so the main thread never decodes a large one in one go', () => {
    const limits = { entries: 1000, bytes: 64 * 1024 };
    // long descriptions (a generated description's prose) and many small requests
    const items = Array.from({ length: 400 }, (_, i) => request(`r${i}`, { kind: 'none' }, i % 4 === 0 ? 'd'.repeat(20_000) : ''));
    const result = resultOf(items);
    const { rebuilt, sizes } = send(result, limits);
    expect(rebuilt).toEqual(result);
    const largestItem = Math.max(...items.map((item) => serialize(item).length));
    for (const size of sizes) expect(size).toBeLessThan(limits.bytes * 1.25 + largestItem);
    expect(sizes.length).toBeGreaterThan(20);
  });

  it('estimates what structured clone sends within a fifth for an ordinary request', () => {
    const item = request('Get a user', { kind: 'json', text: '{"a": 1}' }, 'The user, with $select and $expand.');
    const actual = serialize(item).length;
    expect(Math.abs(sizeOf(item) - actual) / actual).toBeLessThan(0.2);
  });
});
