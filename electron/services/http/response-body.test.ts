import { describe, expect, it } from 'vitest';
import type { BodyRef } from '../../../shared/contract';
import type { BodyWriter } from '../body-store';
import { ResponseBodyPipeline } from './response-body';

function countingWriter(): BodyWriter & { writes: Buffer[] } {
  const writes: Buffer[] = [];
  return {
    writes,
    write: async (chunk) => void writes.push(Buffer.from(chunk)),
    finish: async () => ({}) as BodyRef,
    abort: async () => undefined,
    get bytesWritten() {
      return writes.reduce((sum, chunk) => sum + chunk.length, 0);
    },
  };
}

/** A writer whose writes stay pending until release() is called: a disk slower than the network. */
function slowWriter(): BodyWriter & { pendingBytes(): number; release(): void } {
  const waiting: { length: number; done: () => void }[] = [];
  let written = 0;
  return {
    write: (chunk) =>
      new Promise<void>((resolve) => {
        written += chunk.length;
        waiting.push({ length: chunk.length, done: resolve });
      }),
    finish: async () => ({}) as BodyRef,
    abort: async () => undefined,
    get bytesWritten() {
      return written;
    },
    pendingBytes: () => waiting.reduce((sum, write) => sum + write.length, 0),
    release: () => waiting.shift()?.done(),
  };
}

const MiB = 1024 * 1024;

const limits = { maxResponseBytes: 1 << 30, maxDecodedBytes: 1 << 30 };
const event = (i: number) => Buffer.from(`id: ${i}\ndata: {"seq":${i}}\n\n`);

describe('ResponseBodyPipeline', () => {
  it('gathers a stream of tiny chunks (one event per HTTP chunk) into few writes, in order, before end() resolves', async () => {
    const writer = countingWriter();
    const seen: Buffer[] = [];
    const pipeline = new ResponseBodyPipeline(
      writer,
      [],
      limits,
      'example.test',
      () => undefined,
      () => undefined,
      (chunk) => void seen.push(chunk),
    );
    const expected: Buffer[] = [];
    for (let i = 0; i < 5_000; i += 1) {
      expected.push(event(i));
      expect(pipeline.write(event(i), () => undefined)).toBe(true);
    }
    await pipeline.end();
    const all = Buffer.concat(expected);
    expect(Buffer.concat(writer.writes).equals(all)).toBe(true);
    expect(Buffer.concat(seen).equals(all)).toBe(true);
    // one write per chunk before: 5,000 promises, cipher calls and file writes for ~150 KB
    expect(writer.writes.length).toBeLessThan(10);
    expect(pipeline.decodedBytes).toBe(all.length);
  });

  it('hands a quiet stream its chunk on the next turn of the event loop, not when more arrive', async () => {
    const writer = countingWriter();
    const seen: Buffer[] = [];
    const pipeline = new ResponseBodyPipeline(
      writer,
      [],
      limits,
      'example.test',
      () => undefined,
      () => undefined,
      (chunk) => void seen.push(chunk),
    );
    pipeline.write(event(1), () => undefined);
    await new Promise((resolve) => setImmediate(resolve));
    expect(Buffer.concat(seen).toString()).toBe(event(1).toString());
    expect(writer.writes).toHaveLength(1);
  });

  it('writes a large chunk as it is, without copying it into a gathered one', async () => {
    const writer = countingWriter();
    const pipeline = new ResponseBodyPipeline(
      writer,
      [],
      limits,
      'example.test',
      () => undefined,
      () => undefined,
    );
    const big = Buffer.alloc(256 * 1024, 'a');
    pipeline.write(big, () => undefined);
    expect(writer.writes).toHaveLength(1);
    await pipeline.end();
    expect(writer.writes).toHaveLength(1);
  });

  it('lets 16 MiB wait for the disk before it pauses the socket, and resumes it once 8 MiB are left', async () => {
    // The spool thread (body-store/spool-thread.ts) encrypts and writes while the socket is read: with only 4 MiB
    // allowed to wait (and the socket resumed at 1 MiB) it ran dry between pauses, which cost a 64 MB body a tenth
    // of its time.
    const writer = slowWriter();
    const pipeline = new ResponseBodyPipeline(
      writer,
      [],
      limits,
      'example.test',
      () => undefined,
      () => undefined,
    );
    let resumed = 0;
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let accepted = 0;
    while (pipeline.write(chunk, () => (resumed += 1))) {
      accepted += chunk.length;
      expect(accepted).toBeLessThanOrEqual(16 * MiB);
    }
    accepted += chunk.length;
    expect(accepted).toBeGreaterThan(16 * MiB);
    expect(writer.pendingBytes()).toBe(accepted);
    // drained to just above 8 MiB: still paused
    while (writer.pendingBytes() - chunk.length > 8 * MiB) {
      writer.release();
      await Promise.resolve();
      await Promise.resolve();
    }
    expect(resumed).toBe(0);
    writer.release();
    await Promise.resolve();
    await Promise.resolve();
    expect(resumed).toBe(1);
    expect(writer.pendingBytes()).toBeLessThanOrEqual(8 * MiB);
  });
});
