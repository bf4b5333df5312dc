import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBodyStore, type BodyStore } from '../body-store';
import { createHistoryService, type HistoryService } from './index';
import { fakeRecord } from './test-support/fixtures';

const MB = 1024 * 1024;
const SIZE = 200 * MB;
let dir: string;
let bodyStore: BodyStore;
let history: HistoryService;

const LINE = Buffer.from('line 0000000000 of a very large response body\n', 'latin1'); // 47 bytes

/** Bytes [offset, offset+length) of the test body: numbered text lines, so every range is distinct and checkable. */
function chunkAt(offset: number, length: number): Buffer {
  const first = Math.floor(offset / LINE.length);
  const lines = Math.ceil((offset + length) / LINE.length) - first;
  const block = Buffer.allocUnsafe(lines * LINE.length);
  for (let i = 0; i < lines; i++) {
    LINE.copy(block, i * LINE.length);
    block.write(String(first + i).padStart(10, '0'), i * LINE.length + 5, 'latin1');
  }
  const skip = offset - first * LINE.length;
  return block.subarray(skip, skip + length);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'courier-large-'));
  bodyStore = createBodyStore({ spoolDir: path.join(dir, 'spool') });
  history = createHistoryService({ dir: path.join(dir, 'history') });
});
afterAll(async () => {
  await history.close();
  await bodyStore.close();
  await rm(dir, { recursive: true, force: true });
});

describe('large bodies', () => {
  it('stores a 200 MB spooled response body streaming, with bounded memory, and reads ranges deep inside it', async () => {
    const writer = bodyStore.createWriter({ contentType: 'text/plain', contentEncodings: [] });
    for (let offset = 0; offset < SIZE; offset += 4 * MB) await writer.write(chunkAt(offset, Math.min(4 * MB, SIZE - offset)));
    const ref = await writer.finish();
    expect(ref).toMatchObject({ size: SIZE, spooled: true });

    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    const record = fakeRecord({ url: 'http://large.test/dump', contentType: 'text/plain' });
    record.exchange = { ...record.exchange!, body: { ...ref } };
    record.responseBody = { size: ref.size, read: async (offset, length) => (await bodyStore.read(ref.id, offset, length)).bytes };
    const summary = await history.record(record);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(summary.responseBytes).toBe(SIZE);
    // The whole body would be 200 MB (and its compressed copy more); a frame at a time stays far below.
    expect(peak - before).toBeLessThan(100 * MB);

    const entry = await history.get(summary.id);
    const bodyId = entry.exchange!.body.id;
    for (const offset of [0, 1, MB - 3, 150 * MB + 12345, SIZE - 100]) {
      const { bytes, total } = await history.readBody(bodyId, offset, 64 * 1024);
      expect(total).toBe(SIZE);
      expect(bytes.equals(chunkAt(offset, Math.min(64 * 1024, SIZE - offset))), `offset ${offset}`).toBe(true);
    }
    // Indexed text is capped (first 256 KB): a line near the start is found, one deep inside is not.
    expect(history.list({ text: 'line 0000000100 of' }, 0, 10).total).toBe(1);
    expect(history.list({ text: 'line 0004000000 of' }, 0, 10).total).toBe(0);
    expect(history.usage().bodyBytes).toBeLessThan(SIZE / 5);
  }, 60_000);

  it('stores binary bodies byte for byte', async () => {
    const bytes = Buffer.alloc(3 * MB + 17);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + (i >> 8)) & 0xff;
    const summary = await history.record(fakeRecord({ url: 'http://large.test/bin', body: bytes, contentType: 'application/octet-stream' }));
    const entry = await history.get(summary.id);
    const back = await history.readBody(entry.exchange!.body.id, 0, 8 * MB);
    expect(back.bytes.equals(bytes)).toBe(true);
  });
});
