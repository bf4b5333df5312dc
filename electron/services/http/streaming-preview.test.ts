import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type TestServer } from '../../test-support';
import { createTestEngine, nextId, spec, type TestEngine } from './test-harness';

let server: TestServer;
let t: TestEngine;
const releases = new Map<string, () => void>();

beforeAll(async () => {
  // /slow/<key>: a first chunk, then nothing until the test releases it, then 4 MiB in 16 KiB writes; /small: at once
  server = await startHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/small') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"small":true}');
      return;
    }
    const key = url.pathname.split('/')[2] ?? '';
    res.writeHead(200, { 'Content-Type': 'application/json', 'X-Key': key });
    res.write(`[${JSON.stringify(`first-of-${key}`)}`);
    releases.set(key, () => {
      const row = `,${JSON.stringify(`row-of-${key}`.padEnd(64, '.'))}`;
      const chunk = row.repeat(Math.ceil((16 * 1024) / row.length));
      let left = 256;
      const pump = (): void => {
        while (left > 0) {
          left--;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end(']');
      };
      pump();
    });
  });
  t = await createTestEngine();
});
afterAll(async () => {
  await t.dispose();
  await server.close();
});

describe('the first lines of a body still arriving', () => {
  it('go out with the progress of their own request, grow to 64 KiB, then are never sent again', async () => {
    const [a, b] = [nextId(), nextId()];
    const sendA = t.engine.send(a, spec({ method: 'GET', url: `${server.origin}/slow/alpha` }));
    const sendB = t.engine.send(b, spec({ method: 'GET', url: `${server.origin}/slow/beta` }));
    const previewOf = (id: string) => t.progress.filter((p) => p.requestId === id && p.preview).at(-1)?.preview;
    await expect.poll(() => previewOf(a)?.text).toContain('first-of-alpha');
    await expect.poll(() => previewOf(b)?.text).toContain('first-of-beta');
    expect(previewOf(a)?.text).not.toContain('beta');
    expect(t.progress.find((p) => p.requestId === b && p.response)?.response?.headers).toContainEqual(['X-Key', 'beta']);
    expect(previewOf(a)).toMatchObject({ kind: 'json', complete: false });

    releases.get('alpha')!();
    releases.get('beta')!();
    const [exchangeA] = await Promise.all([sendA, sendB]);
    expect(exchangeA.body.size).toBeGreaterThan(4 * 1024 * 1024);
    const events = t.progress.filter((p) => p.requestId === a);
    const previews = events.filter((p) => p.preview);
    // once when the first chunk came, once more at most while it grew, and the last one is the whole 64 KiB
    expect(previews.length).toBeLessThanOrEqual(3);
    expect(previews.at(-1)?.preview).toMatchObject({ complete: true, bytes: 64 * 1024 });
    expect(previews.at(-1)?.preview?.text).toContain('row-of-alpha');
    // the head went once, with the 'downloading' phase
    expect(events.filter((p) => p.response)).toHaveLength(1);
  });

  it('are not sent for a response that ends at once', async () => {
    const id = nextId();
    await t.engine.send(id, spec({ method: 'GET', url: `${server.origin}/small` }));
    expect(t.progress.filter((p) => p.requestId === id && p.preview)).toEqual([]);
  });
});
