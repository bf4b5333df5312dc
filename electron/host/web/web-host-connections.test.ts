import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bridgeClient,
  bridgeHeaders,
  bridgePath,
  get,
  INDEX_HTML,
  openBridge,
  startWebHostFixture,
  type WebHostFixture,
} from './test-support/web-host-fixture';

// A local process (or a page in the user's browser) can open connections to the web host's port without the token.
// They must not pile up: 1,000 idle ones used to hold 1,000 descriptors for as long as they liked.

const LIMITS = { maxUnproven: 64, proveWithinMs: 1500 };
let fixture: WebHostFixture;
const idle: Socket[] = [];
let closed = 0;

beforeAll(async () => {
  fixture = await startWebHostFixture({ connectionLimits: LIMITS, scrypt: { N: 1024, r: 8, p: 1 } });
});
afterAll(async () => {
  for (const socket of idle) socket.destroy();
  await fixture.dispose();
});

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function openIdle(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    idle.push(socket);
    socket.once('connect', () => resolve());
    socket.once('error', () => undefined);
    socket.once('close', () => {
      closed += 1;
      resolve();
    });
    socket.once('error', reject);
  });
}

describe('web host: connections without the token', () => {
  it('keeps loading the page and answering the bridge promptly with 1,000 idle sockets open, and drops the idle ones', async () => {
    const port = fixture.host.port;
    for (let batch = 0; batch < 10; batch++) await Promise.all(Array.from({ length: 100 }, () => openIdle(port)));
    // The oldest strangers are dropped as soon as more than the cap wait: no more than 64 descriptors held.
    await waitFor(() => closed >= 1000 - LIMITS.maxUnproven, 5000);

    const started = Date.now();
    const page = await get(port, fixture.base);
    expect(page.status).toBe(200);
    expect(page.body).toBe(INDEX_HTML);
    const outcome = await openBridge(port, bridgePath(fixture), bridgeHeaders(fixture));
    if (!('opened' in outcome)) throw new Error(`upgrade refused with ${outcome.refused}`);
    const client = bridgeClient(outcome.opened);
    expect((await client.call('app.info', {})).ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(3000);

    // After the deadline every stranger is gone; the app's WebSocket, proven by its token, stays and answers.
    await waitFor(() => closed === 1000, LIMITS.proveWithinMs + 5000);
    await new Promise((resolve) => setTimeout(resolve, LIMITS.proveWithinMs + 200));
    expect(outcome.opened.readyState).toBe(outcome.opened.OPEN);
    expect((await client.call('vault.status', {})).ok).toBe(true);
    outcome.opened.terminate();
  });

  it('drops a connection that only ever sends requests without the token, at the deadline', async () => {
    const port = fixture.host.port;
    const socket = connect({ host: '127.0.0.1', port });
    let answers = '';
    socket.on('data', (chunk: Buffer) => (answers += chunk.toString('latin1')));
    await new Promise((resolve) => socket.once('connect', resolve));
    const ended = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now())));
    const started = Date.now();
    socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    await waitFor(() => answers.includes('401'), 2000);
    expect(await ended).toBeLessThan(started + LIMITS.proveWithinMs + 2000);
  });
});
