import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, httpProgressSchema, type HttpExchange, type HttpProgress, type MethodName } from '../../shared/contract';
import { leakNeedles, scanForSecret, startHttpServer, type TestServer } from '../test-support';
import { createCourier, type Courier } from './create-courier';

/**
 * The first lines of a body still arriving reach the window through http.progress: a server that echoes a vault
 * secret in its first chunk and then stalls must not get that secret into the progress events (in any spelling),
 * nor into any file, while the preview still shows the rest of what arrived.
 */
const CANARY = 'Kq9!canary s3cr3t+/=zZ';

let server: TestServer;
let release: () => void = () => undefined;

beforeAll(async () => {
  server = await startHttpServer((req, res) => {
    const key = String(req.headers['x-api-key'] ?? '');
    res.writeHead(200, { 'Content-Type': 'application/json', 'X-Key-Echo': encodeURIComponent(key) });
    // the secret in three spellings, then a page of filler, then nothing until the test lets the server finish
    const first = `{"plain":${JSON.stringify(key)},"url":"${encodeURIComponent(key)}","html":"${key.replace(/&/g, '&amp;')}","rows":[${Array.from({ length: 200 }, (_, i) => `"row-${i}"`).join(',')}`;
    res.write(first);
    release = () => res.end(']}');
  });
});
afterAll(() => server.close());

async function call<M extends MethodName>(courier: Courier, method: M, input: unknown): Promise<unknown> {
  const result = await dispatch(courier.handlers, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

describe('the streamed first lines of a body', () => {
  it('are masked in every progress event while the server stalls, and no file holds the secret', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-preview-mask-'));
    try {
      const courier = createCourier({ dataDir, mode: 'web', version: '1.0.0', openExternal: () => false, scrypt: { N: 1024, r: 8, p: 1 } });
      await call(courier, 'vault.unlock', { passphrase: 'correct horse battery staple' });
      await call(courier, 'variables.saveScope', { scopeId: 'global', variables: [{ name: 'apiKey', value: CANARY, secret: true }] });
      const progress: HttpProgress[] = [];
      courier.onEvent((event, payload) => {
        if (event === 'http.progress') progress.push(payload as HttpProgress);
      });
      const sending = call(courier, 'http.send', {
        requestId: 'stream-1',
        request: { method: 'GET', url: `${server.origin}/echo`, headers: [{ name: 'X-Api-Key', value: '{{apiKey}}' }] },
      });
      // (a failure below must not leave the send's rejection unhandled)
      sending.catch(() => undefined);
      await expect.poll(() => progress.find((p) => p.preview !== undefined), { timeout: 5_000 }).toBeDefined();
      const withPreview = progress.find((p) => p.preview !== undefined)!;
      // what the window gets while the response is still arriving: the rows, the masks, never the secret
      // (the last bytes are held back: a secret could continue in the next chunk)
      expect(withPreview.preview!.text).toContain('row-150');
      expect(withPreview.preview!.text).toContain('••••••');
      expect(progress.find((p) => p.response !== undefined)?.response).toMatchObject({ status: 200 });
      for (const event of progress) expect(httpProgressSchema.safeParse(event).success).toBe(true);
      const sent = JSON.stringify(progress);
      for (const needle of leakNeedles(CANARY)) expect(sent, needle.form).not.toContain(JSON.stringify(needle.bytes.toString()).slice(1, -1));

      release();
      const exchange = (await sending) as HttpExchange;
      expect(exchange.response.status).toBe(200);
      await courier.close();
      const { hits, filesScanned } = await scanForSecret([dataDir], CANARY);
      expect(filesScanned).toBeGreaterThan(1);
      expect(hits).toEqual([]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
