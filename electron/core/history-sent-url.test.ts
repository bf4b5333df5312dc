import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, httpRequestSpecSchema } from '../../shared/contract';
import { createCourier, type Courier } from './create-courier';

let target: Server;
let base: string;
let dataDir: string;
let courier: Courier;

beforeAll(async () => {
  // httpbin's shape: /cookies/set answers 302 to /cookies
  target = createServer((request, response) => {
    if (request.url?.startsWith('/cookies/set')) {
      response.writeHead(302, { Location: '/cookies' });
      response.end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ path: request.url }));
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => target.close(resolve));
});
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-history-sent-url-'));
  courier = createCourier({ dataDir, mode: 'web', version: '0', openExternal: () => false, onInternalError: (e) => console.error(e) });
});
afterEach(async () => {
  await courier.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function call(method: string, input: unknown): Promise<Record<string, unknown>> {
  const result = await dispatch(courier.handlers, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as Record<string, unknown>;
}

describe('history lists what the user sent', () => {
  it('a redirected request is listed (and found) under the URL sent, with where it ended; the exchange keeps the final hop', async () => {
    const sent = `${base}/cookies/set?session=abc`;
    const exchange = await courier.handlers['http.send']({ requestId: 'redir', request: httpRequestSpecSchema.parse({ method: 'GET', url: sent }) });
    await courier.handlers['http.send']({ requestId: 'plain', request: httpRequestSpecSchema.parse({ method: 'GET', url: `${base}/cookies` }) });
    expect(exchange.request.url).toBe(`${base}/cookies`);

    const all = await courier.handlers['history.list']({ filter: {}, offset: 0, limit: 10 });
    expect(all.entries.map((e) => [e.url, e.redirectedTo, e.redirects])).toEqual([
      [`${base}/cookies`, undefined, undefined],
      [sent, `${base}/cookies`, 1],
    ]);
    const found = await courier.handlers['history.list']({ filter: { text: 'session=abc' }, offset: 0, limit: 10 });
    expect(found.entries.map((e) => e.url)).toEqual([sent]);
    const byHost = await courier.handlers['history.list']({ filter: { host: '127.0.0.1' }, offset: 0, limit: 10 });
    expect(byHost.total).toBe(2);

    // the Request and Raw tabs still show the final hop
    const entry = await courier.handlers['history.get']({ id: exchange.historyId! });
    expect(entry.exchange?.request.url).toBe(`${base}/cookies`);
    expect(entry.exchange?.redirects.map((hop) => hop.url)).toEqual([sent]);

    // exporting and importing it again adds nothing: the HAR entry holds the final hop, recognised as this entry
    const { har } = await courier.handlers['history.exportHar']({ ids: [exchange.historyId!] });
    const again = await courier.handlers['history.importHar']({ text: har });
    expect(again).toEqual({ imported: 0, alreadyPresent: 1 });
  });

  it('entries sent from a saved request are found by its path; the same URL sent from a tab of its own is not', async () => {
    const request = httpRequestSpecSchema.parse({ method: 'GET', url: `${base}/users` });
    const folder = (await call('workspace.createContainer', { parent: null, name: 'API' })).path as string;
    const saved = (await call('workspace.createRequest', { parent: folder, name: 'Users', request })).path as string;
    const other = (await call('workspace.createRequest', { parent: folder, name: 'Users again', request })).path as string;
    const first = await courier.handlers['http.send']({ requestId: 's1', request, workspacePath: saved });
    const second = await courier.handlers['http.send']({ requestId: 's2', request, workspacePath: saved });
    await courier.handlers['http.send']({ requestId: 'u1', request });
    await courier.handlers['http.send']({ requestId: 'o1', request, workspacePath: other });

    const latest = await courier.handlers['history.list']({ filter: { savedPath: saved }, offset: 0, limit: 1 });
    expect(latest.total).toBe(2);
    expect(latest.entries.map((e) => e.id)).toEqual([second.historyId]);
    expect(first.historyId).toBeLessThan(second.historyId!);
    const none = await courier.handlers['history.list']({ filter: { savedPath: `${folder}/Nothing.request.json` }, offset: 0, limit: 1 });
    expect(none.total).toBe(0);
  });
});
