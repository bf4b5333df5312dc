import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, httpRequestSpecSchema } from '../../shared/contract';
import { createCourier } from './create-courier';

let dataDir: string;
let target: Server;
let base: string;
const seen: { url: string; headers: IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-ws-send-'));
  target = createServer((request, response) => {
    seen.push({ url: request.url ?? '', headers: request.headers });
    response.end('ok');
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => target.close(resolve));
  await rm(dataDir, { recursive: true, force: true });
});

describe('sending a saved request', () => {
  it('applies its collection and folder headers, auth and variables through the contract', async () => {
    const courier = createCourier({ dataDir, mode: 'web', version: '0', openExternal: () => false, onInternalError: (e) => console.error(e) });
    try {
      const call = async (method: string, input: unknown) => {
        const result = await dispatch(courier.handlers, method, input);
        if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
        return result.value as Record<string, unknown>;
      };
      const api = (await call('workspace.createContainer', { parent: null, name: 'API' })).path as string;
      const users = (await call('workspace.createContainer', { parent: api, name: 'Users' })).path as string;
      await call('workspace.saveContainer', {
        path: api,
        settings: {
          name: 'API',
          variables: [
            { name: 'base', value: base },
            { name: 'who', value: 'collection' },
          ],
          headers: [{ name: 'X-Team', value: 'core' }],
          auth: { kind: 'bearer', token: '{{tok}}' },
        },
      });
      await call('workspace.saveContainer', {
        path: users,
        settings: {
          name: 'Users',
          variables: [
            { name: 'who', value: 'folder' },
            { name: 'tok', value: 't-123' },
          ],
        },
      });
      const request = httpRequestSpecSchema.parse({ method: 'GET', url: '{{base}}/users/{{who}}' });
      const saved = (await call('workspace.createRequest', { parent: users, name: 'List', request })).path as string;
      await call('http.send', { requestId: 'r1', request, workspacePath: saved });
      expect(seen.at(-1)).toMatchObject({ url: '/users/folder', headers: { 'x-team': 'core', authorization: 'Bearer t-123' } });
      // Without the file, nothing is inherited.
      await expect(call('http.send', { requestId: 'r2', request: { ...request, url: `${base}/plain` } })).resolves.toBeTruthy();
      expect(seen.at(-1)?.headers['x-team']).toBeUndefined();
    } finally {
      await courier.close();
    }
  });
});
