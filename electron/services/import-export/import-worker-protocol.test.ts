import { describe, expect, it } from 'vitest';
import type { ImportedItem, ImportResult } from '../../../shared/contract';
import { placeEntries, resultMessages, type ImportWorkerMessage } from './import-worker-protocol';

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
