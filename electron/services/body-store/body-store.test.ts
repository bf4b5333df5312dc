import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
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

  // /proc/self/io counts this process's write system calls (writev counts once), threads included.
  const writeCalls = async (): Promise<number> => Number(/syscw:\s*(\d+)/.exec(await readFile('/proc/self/io', 'utf8'))?.[1]);
  it.runIf(process.platform === 'linux')('writes a spooled body in a few large writes, not one per chunk', async () => {
    // The response pipeline hands chunks over without waiting for each to reach the disk; one write per network
    // chunk (64 KiB) made a 64 MB body cost a thousand writes, each a round trip to the thread pool. The count is the
    // whole process's (it includes the event loop's wake-ups and whatever an earlier test file left running in this
    // worker), hence the margin and the best of three: one write per chunk would be over 4,096 every time.
    const chunk = 4096;
    const data = Buffer.alloc(16 * 1024 * 1024);
    for (let i = 0; i < data.length; i += chunk) data.writeUInt32BE(i, i);
    const counts: number[] = [];
    for (let attempt = 0; attempt < 3 && !(counts.length > 0 && Math.min(...counts) < data.length / chunk / 4); attempt++) {
      await store?.close();
      store = createBodyStore({ spoolDir: dir, spoolThresholdBytes: 1024 * 1024 });
      const writer = store.createWriter(meta);
      const before = await writeCalls();
      const writes: Promise<void>[] = [];
      for (let i = 0; i < data.length; i += chunk) writes.push(writer.write(data.subarray(i, i + chunk)));
      await Promise.all(writes);
      const ref = await writer.finish();
      counts.push((await writeCalls()) - before);
      expect(ref.spooled).toBe(true);
      expect((await store.read(ref.id, 0, data.length)).bytes.equals(data)).toBe(true);
    }
    expect(Math.min(...counts)).toBeLessThan(data.length / chunk / 4);
  });

  it('a spool that cannot be written fails the writes and finish with a typed error', async () => {
    // the spool folder's parent is a file: the folder cannot be created
    await writeFile(join(dir, 'not-a-folder'), 'x');
    store = createBodyStore({ spoolDir: join(dir, 'not-a-folder', 'spool'), spoolThresholdBytes: 10 });
    const writer = store.createWriter(meta);
    await expect(writer.write(Buffer.alloc(100))).rejects.toMatchObject({ code: 'INTERNAL' });
    await expect(writer.write(Buffer.alloc(100))).rejects.toMatchObject({ code: 'INTERNAL' });
    await expect(writer.finish()).rejects.toMatchObject({ code: 'INTERNAL' });
    await writer.abort();
    expect(await readdir(dir)).toEqual(['not-a-folder']);
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

  const keep = async (text: string): Promise<string> => {
    const writer = store.createWriter(meta);
    await writer.write(Buffer.from(text));
    return (await writer.finish()).id;
  };
  const readable = async (id: string): Promise<boolean> =>
    store.read(id, 0, 1).then(
      () => true,
      () => false,
    );

  it('keeps in-memory bodies within maxMemoryBytes, evicting the oldest', async () => {
    store = createBodyStore({ spoolDir: dir, spoolThresholdBytes: 60, maxMemoryBytes: 100 });
    const first = await keep('a'.repeat(40));
    const second = await keep('b'.repeat(40));
    expect(await readable(first)).toBe(true);
    const third = await keep('c'.repeat(40));
    expect(await readable(first)).toBe(false);
    expect(await readable(second)).toBe(true);
    expect(await readable(third)).toBe(true);
    // released bodies no longer count
    await store.release(second);
    const fourth = await keep('d'.repeat(40));
    expect(await readable(third)).toBe(true);
    expect(await readable(fourth)).toBe(true);
    expect(await readdir(dir).catch(() => [])).toEqual([]);
  });

  it('a spooled body does not push in-memory bodies out, nor the other way round', async () => {
    store = createBodyStore({ spoolDir: dir, spoolThresholdBytes: 60, maxMemoryBytes: 100, maxSpoolBytes: 1000 });
    const small = await keep('a'.repeat(50));
    const big = await keep('b'.repeat(500));
    const small2 = await keep('c'.repeat(40));
    expect([await readable(small), await readable(big), await readable(small2)]).toEqual([true, true, true]);
  });

  it('keeps spool files within maxSpoolBytes, deleting the oldest', async () => {
    store = createBodyStore({ spoolDir: dir, spoolThresholdBytes: 10, maxSpoolBytes: 250 });
    const first = await keep('a'.repeat(100));
    const second = await keep('b'.repeat(100));
    expect(await readdir(dir)).toHaveLength(2);
    const third = await keep('c'.repeat(100));
    expect(await readable(first)).toBe(false);
    expect(await readable(second)).toBe(true);
    expect((await store.read(third, 0, 100)).bytes.toString()).toBe('c'.repeat(100));
    expect(await readdir(dir)).toHaveLength(2);
  });

  it('a single body larger than the spool budget is kept, alone', async () => {
    store = createBodyStore({ spoolDir: dir, spoolThresholdBytes: 10, maxSpoolBytes: 250 });
    const first = await keep('a'.repeat(100));
    const huge = await keep('h'.repeat(400));
    expect(await readable(first)).toBe(false);
    expect(await readable(huge)).toBe(true);
    expect(await readdir(dir)).toHaveLength(1);
  });

  it.skipIf(process.platform === 'win32')('creates the spool folder 0700 and spool files 0600', async () => {
    const nested = join(dir, 'spool', 'run-1');
    store = createBodyStore({ spoolDir: nested, spoolThresholdBytes: 4 });
    const id = await keep('0123456789');
    expect((await stat(nested)).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir, 'spool'))).mode & 0o777).toBe(0o700);
    const [file] = await readdir(nested);
    expect((await stat(join(nested, file as string))).mode & 0o777).toBe(0o600);
    expect(await readable(id)).toBe(true);
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
