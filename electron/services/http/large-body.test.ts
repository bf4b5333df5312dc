import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNothingLeftOpen, openResources, startHttpServer, trapUnhandledErrors, type TestServer } from '../../test-support';
import { createBodyStore, type BodyStore } from '../body-store';
import { createHttpEngine } from './index';
import { nextId, spec } from './test-harness';

trapUnhandledErrors();

const MiB = 1024 * 1024;
const BODY_BYTES = 48 * MiB;
let server: TestServer;
let body: Buffer;

beforeAll(async () => {
  body = Buffer.alloc(BODY_BYTES);
  for (let i = 0; i + 4 <= body.length; i += 4) body.writeUInt32LE(i, i);
  server = await startHttpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length });
    res.end(body);
  });
  // Under Vitest the spool worker is bundled from its source on first use, by esbuild, whose service then stays up
  // for the test process (worker-files): spool once before the test takes its baseline of what is open.
  const warmUpDir = await mkdtemp(join(tmpdir(), 'courier-large-body-warm-'));
  const warmUp = createBodyStore({ spoolDir: warmUpDir, spoolThresholdBytes: 1 });
  const writer = warmUp.createWriter({ contentType: null, contentEncodings: [] });
  await writer.write(Buffer.from('warm up'));
  await writer.finish();
  await warmUp.close();
  await rm(warmUpDir, { recursive: true, force: true });
});
afterAll(async () => {
  await server.close();
});

/** The body store, counting the bytes handed to it whose write has not resolved yet: what waits for the disk. */
function measuredStore(store: BodyStore): BodyStore & { peakWaiting: number } {
  let waiting = 0;
  const measured = {
    ...store,
    peakWaiting: 0,
    createWriter: (meta: Parameters<BodyStore['createWriter']>[0]) => {
      const writer = store.createWriter(meta);
      return {
        write(chunk: Buffer) {
          const length = chunk.length;
          waiting += length;
          measured.peakWaiting = Math.max(measured.peakWaiting, waiting);
          return writer.write(chunk).finally(() => {
            waiting -= length;
          });
        },
        finish: () => writer.finish(),
        abort: () => writer.abort(),
        get bytesWritten() {
          return writer.bytesWritten;
        },
      };
    },
  };
  return measured;
}

describe('a large body from a fast server', () => {
  it('is spooled whole while at most 16 MiB wait for the disk, and nothing is left running after close', async () => {
    const baseline = openResources();
    const spoolDir = await mkdtemp(join(tmpdir(), 'courier-large-body-'));
    const store = measuredStore(createBodyStore({ spoolDir }));
    const engine = createHttpEngine({ bodyStore: store, userAgent: 'Courier/test' });
    try {
      const exchange = await engine.send(nextId(), spec({ method: 'GET', url: `${server.origin}/big` }));
      expect(exchange.body).toMatchObject({ size: BODY_BYTES, spooled: true });
      const { bytes } = await store.read(exchange.body.id, 0, BODY_BYTES);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(createHash('sha256').update(body).digest('hex'));
      // the pipeline pauses the socket above 16 MiB (response-body.ts); a chunk may arrive as it does
      expect(store.peakWaiting).toBeGreaterThan(0);
      expect(store.peakWaiting).toBeLessThanOrEqual(16 * MiB + 256 * 1024);
    } finally {
      await engine.close();
      await store.close();
      await rm(spoolDir, { recursive: true, force: true });
    }
    // the spool thread too
    await expectNothingLeftOpen(baseline);
  }, 60_000);
});
