import * as crypto from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBodyStore, type BodyStore } from './index';
import { createSpoolCipher } from './spool-cipher';
import { createSpoolThread, SPOOL_BATCH_BYTES } from './spool-thread';

// Counts encryptions on this thread (the worker has its own node:crypto, which this does not reach).
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof crypto>();
  return { ...actual, createCipheriv: vi.fn(actual.createCipheriv) };
});

let dir: string;
let store: BodyStore | null = null;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'courier-spool-thread-'));
  vi.mocked(crypto.createCipheriv).mockClear();
});
afterEach(async () => {
  await store?.close();
  store = null;
  await rm(dir, { recursive: true, force: true });
});

/** bytes that are never 16 alike in a row, so ciphertext cannot pass for them */
function pattern(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i + 4 <= length; i += 4) bytes.writeUInt32BE(i, i);
  return bytes;
}

describe('spool thread', () => {
  it('encrypts and writes a spooled body off the main thread, in batches, and it reads back exactly', async () => {
    // A 64 MB download spent more of the main thread in AES than in the HTTP parser; the socket is read here.
    store = createBodyStore({ spoolDir: dir, spoolThresholdBytes: 1024 * 1024 });
    const writer = store.createWriter({ contentType: null, contentEncodings: [] });
    const data = pattern(3 * SPOOL_BATCH_BYTES + 12_345);
    // odd chunk sizes: batches and cipher blocks do not line up with them
    for (let at = 0; at < data.length; at += 65_521) await writer.write(data.subarray(at, at + 65_521));
    const ref = await writer.finish();
    expect(ref.spooled).toBe(true);
    expect(crypto.createCipheriv).not.toHaveBeenCalled();
    const [file] = await readdir(dir);
    const onDisk = await readFile(join(dir, file as string));
    expect(onDisk.length).toBe(data.length);
    expect(onDisk.subarray(0, 4096).equals(data.subarray(0, 4096))).toBe(false);
    expect(onDisk.includes(data.subarray(2 * SPOOL_BATCH_BYTES, 2 * SPOOL_BATCH_BYTES + 64))).toBe(false);
    expect((await store.read(ref.id, 0, data.length)).bytes.equals(data)).toBe(true);
    const { bytes } = await store.read(ref.id, SPOOL_BATCH_BYTES - 7, 100);
    expect(bytes.equals(data.subarray(SPOOL_BATCH_BYTES - 7, SPOOL_BATCH_BYTES + 93))).toBe(true);
  });

  it('refuses a file that is already there, and keeps serving other files', async () => {
    const key = crypto.randomBytes(32);
    const thread = createSpoolThread(key, 0o600);
    try {
      const taken = join(dir, 'taken.bin');
      await writeFile(taken, 'not ours');
      await expect(thread.open(taken, crypto.randomBytes(16))).rejects.toMatchObject({ code: 'EEXIST' });
      expect(await readFile(taken, 'utf8')).toBe('not ours');
      const iv = crypto.randomBytes(16);
      const file = await thread.open(join(dir, 'fresh.bin'), iv);
      await file.write(Buffer.from('hello spool'));
      await file.end();
      const cipher = createSpoolCipher(key);
      expect(cipher.decrypt(iv, 0, await readFile(join(dir, 'fresh.bin'))).toString()).toBe('hello spool');
    } finally {
      await thread.close();
    }
  });

  it('close() stops the worker: a file still open fails, and destroy() does not throw', async () => {
    const thread = createSpoolThread(crypto.randomBytes(32), 0o600);
    const file = await thread.open(join(dir, 'open.bin'), crypto.randomBytes(16));
    await file.write(Buffer.alloc(100));
    await thread.close();
    await expect(file.end()).rejects.toMatchObject({ code: 'EIO' });
    await expect(file.destroy()).resolves.toBeUndefined();
  });

  it('starts its worker from spool-worker.js, found as the other workers are: a missing one fails the file, not the process', async () => {
    const missing = () => Promise.resolve(pathToFileURL(join(dir, 'no-such-folder', 'spool-worker.js')));
    const thread = createSpoolThread(crypto.randomBytes(32), 0o600, missing);
    try {
      await expect(thread.open(join(dir, 'never.bin'), crypto.randomBytes(16))).rejects.toMatchObject({ code: 'EIO' });
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await thread.close();
    }
  });
});
