import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CourierError } from '../../../shared/contract';
import { createBodyStore, type BodyStore } from './index';

let dir: string;
let store: BodyStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'courier-body-'));
});
afterEach(async () => {
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

const meta = { contentType: 'application/octet-stream', contentEncodings: ['gzip'] };

describe('body store', () => {
  it('keeps small bodies in memory and reads ranges', async () => {
    store = createBodyStore({ spoolDir: dir });
    const writer = store.createWriter(meta);
    await writer.write(Buffer.from('hello '));
    await writer.write(Buffer.from('world'));
    expect(writer.bytesWritten).toBe(11);
    const ref = await writer.finish();
    expect(ref).toMatchObject({ size: 11, spooled: false, contentType: 'application/octet-stream', contentEncodings: ['gzip'] });
    expect((await store.read(ref.id, 0, 100)).bytes.toString()).toBe('hello world');
    const part = await store.read(ref.id, 6, 3);
    expect(part.bytes.toString()).toBe('wor');
    expect(part.total).toBe(11);
    expect((await store.read(ref.id, 50, 10)).bytes.length).toBe(0);
    expect(await readdir(dir).catch(() => [])).toEqual([]);
  });

  it('spools to a file above the threshold and reads exact bytes back', async () => {
    store = createBodyStore({ spoolDir: dir, spoolThresholdBytes: 1024 });
    const writer = store.createWriter(meta);
    const data = Buffer.alloc(10_000);
    for (let i = 0; i < data.length; i++) data[i] = (i * 7) & 0xff;
    for (let i = 0; i < data.length; i += 900) await writer.write(data.subarray(i, i + 900));
    const ref = await writer.finish();
    expect(ref.spooled).toBe(true);
    expect(ref.size).toBe(10_000);
    expect(await readdir(dir)).toHaveLength(1);
    const all = await store.read(ref.id, 0, 20_000);
    expect(all.bytes.equals(data)).toBe(true);
    const mid = await store.read(ref.id, 4000, 1500);
    expect(mid.bytes.equals(data.subarray(4000, 5500))).toBe(true);
    expect(await store.release(ref.id)).toBe(true);
    expect(await readdir(dir)).toEqual([]);
    expect(await store.release(ref.id)).toBe(false);
  });

  it('keeps byte order when writes are not awaited across the spool threshold', async () => {
    // The response stream does not wait for each write: a small chunk arriving while the file is being opened
    // must still land after the chunk that started the spool.
    store = createBodyStore({ spoolDir: dir, spoolThresholdBytes: 10 });
    const writer = store.createWriter(meta);
    const pieces = ['abcdefgh', 'ijklm', 'n', 'o', 'pqrstuvwxyz', '0', '123456789'];
    const writes = pieces.map((piece) => writer.write(Buffer.from(piece)));
    await Promise.all(writes);
    const ref = await writer.finish();
    expect(ref.spooled).toBe(true);
    expect((await store.read(ref.id, 0, 100)).bytes.toString()).toBe(pieces.join(''));
  });

  it('throws BODY_NOT_FOUND for unknown or released ids', async () => {
    store = createBodyStore({ spoolDir: dir });
    const error = await store.read('nope', 0, 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CourierError);
    expect((error as CourierError).code).toBe('BODY_NOT_FOUND');
  });

  it('abort removes the spool file', async () => {
    store = createBodyStore({ spoolDir: dir, spoolThresholdBytes: 10 });
    const writer = store.createWriter(meta);
    await writer.write(Buffer.alloc(100));
    expect(await readdir(dir)).toHaveLength(1);
    await writer.abort();
    await writer.abort();
    expect(await readdir(dir)).toEqual([]);
  });

  it('evicts the oldest bodies beyond maxBodies', async () => {
    store = createBodyStore({ spoolDir: dir, spoolThresholdBytes: 4, maxBodies: 2 });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const writer = store.createWriter(meta);
      await writer.write(Buffer.from(`body-${i}`));
      ids.push((await writer.finish()).id);
    }
    await expect(store.read(ids[0] as string, 0, 10)).rejects.toMatchObject({ code: 'BODY_NOT_FOUND' });
    expect((await store.read(ids[2] as string, 0, 10)).bytes.toString()).toBe('body-2');
    expect(await readdir(dir)).toHaveLength(2);
  });

  it('close deletes kept and in-progress spool files', async () => {
    store = createBodyStore({ spoolDir: dir, spoolThresholdBytes: 4 });
    const done = store.createWriter(meta);
    await done.write(Buffer.from('0123456789'));
    await done.finish();
    const open = store.createWriter(meta);
    await open.write(Buffer.from('0123456789'));
    expect(await readdir(dir)).toHaveLength(2);
    await store.close();
    expect(await readdir(dir)).toEqual([]);
    expect(() => store.createWriter(meta)).toThrow(CourierError);
  });
});
