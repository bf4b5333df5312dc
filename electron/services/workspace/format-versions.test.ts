import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpRequestSpecSchema } from '../../../shared/contract';
import { createWorkspaceService, type WorkspaceService } from './index';

// The same files the format-upgrade unit tests read: as earlier Courier versions wrote them into users' git repositories.
const FIXTURES = fileURLToPath(new URL('../../../shared/workspace/format-upgrades/fixtures/', import.meta.url));
const spec = (url: string) => httpRequestSpecSchema.parse({ method: 'GET', url });

function memoryStore() {
  const data = new Map<string, unknown>();
  return { get: (key: string) => data.get(key), set: (key: string, value: unknown) => void data.set(key, value) };
}

/** Every file under the folder as path → text, hidden temp files included, to prove what was (not) written. */
async function snapshot(dir: string, rel = ''): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(path.join(dir, rel), { withFileTypes: true })) {
    const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) Object.assign(out, await snapshot(dir, child));
    else out[child] = await readFile(path.join(dir, child), 'utf8');
  }
  return out;
}

let dir: string;
let root: string;
let service: WorkspaceService;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'courier-formats-'));
  root = path.join(dir, 'team');
  await mkdir(path.join(root, 'old', 'users'), { recursive: true });
  const place = (fixture: string, target: string) => copyFile(path.join(FIXTURES, fixture), path.join(root, ...target.split('/')));
  await place('collection-v1.json', 'old/collection.json');
  await place('request-v1.request.json', 'old/get-user.request.json');
  await place('request-v2.request.json', 'old/health.request.json');
  await place('websocket-v1.request.json', 'old/ticker.request.json');
  await place('folder-v1.json', 'old/users/folder.json');
  await place('request-v1-own-auth.request.json', 'old/users/create-user.request.json');
  service = createWorkspaceService({ defaultDir: path.join(dir, 'default'), store: memoryStore(), debounceMs: 30 });
});
afterEach(async () => {
  await service.close();
  await rm(dir, { recursive: true, force: true });
});

describe('workspace files of earlier formats', () => {
  it('opens version-1 files in their upgraded meaning without rewriting any of them; a save rewrites only what it saves', async () => {
    const before = await snapshot(root);
    await service.open(root);
    const tree = await service.tree();
    expect(tree.nodes.filter((node) => node.error)).toEqual([]);
    // a version-1 "none" took the collection's auth, and still does
    expect((await service.readRequest('old/get-user.request.json')).request.auth).toEqual({ kind: 'inherit' });
    expect((await service.readRequest('old/health.request.json')).request.auth).toEqual({ kind: 'none' });
    const chain = await service.inheritanceChain('old/users/create-user.request.json');
    expect(chain.map((container) => container.name)).toEqual(['Users API', 'Users']);
    expect((await service.readWebSocket('old/ticker.request.json')).request.auth).toEqual({ kind: 'none' });
    await service.refresh();
    expect(await snapshot(root)).toEqual(before);

    await service.saveRequest('old/get-user.request.json', { ...(await service.readRequest('old/get-user.request.json')).request, url: '{{host}}/users/8' });
    const after = await snapshot(root);
    expect(Object.keys(after).filter((file) => after[file] !== before[file])).toEqual(['old/get-user.request.json']);
    const saved = JSON.parse(after['old/get-user.request.json']!) as Record<string, unknown>;
    // today's format: inherit is written by leaving auth out
    expect(saved).toMatchObject({ format: 2, name: 'Get user', url: '{{host}}/users/8' });
    expect(saved).not.toHaveProperty('auth');
  });

  it('refuses files from a newer Courier, naming the file and versions, and never overwrites them', async () => {
    await mkdir(path.join(root, 'future'));
    const futureRequest = `${JSON.stringify({ format: 99, name: 'Future', method: 'GET', url: 'https://x.test/', streams: [1] }, null, 2)}\n`;
    const futureCollection = `${JSON.stringify({ format: 7, name: 'Future API', order: [], layout: 'grid' }, null, 2)}\n`;
    await writeFile(path.join(root, 'old', 'future.request.json'), futureRequest);
    await writeFile(path.join(root, 'future', 'collection.json'), futureCollection);
    await service.open(root);
    const nodes = (await service.tree()).nodes;
    expect(nodes.find((node) => node.path === 'old/future.request.json')?.error).toContain(
      'old/future.request.json was written by a newer Courier (request file format 99; this Courier reads up to format 3)',
    );
    expect(nodes.find((node) => node.path === 'future')?.error).toContain(
      'future/collection.json was written by a newer Courier (collection or folder file format 7; this Courier reads up to format 2)',
    );
    const refusal = { code: 'WORKSPACE_FILE_INVALID', message: expect.stringMatching(/^Courier will not change this file: .*Update Courier/) };
    await expect(service.readRequest('old/future.request.json')).rejects.toMatchObject(refusal);
    await expect(service.saveRequest('old/future.request.json', spec('https://x.test/'))).rejects.toMatchObject(refusal);
    await expect(service.rename('old/future.request.json', 'Renamed')).rejects.toMatchObject(refusal);
    await expect(service.duplicate('old/future.request.json')).rejects.toMatchObject(refusal);
    await expect(service.saveContainer('future', { name: 'Mine', variables: [], headers: [], auth: { kind: 'none' } })).rejects.toMatchObject(refusal);
    await expect(service.createRequest('future', 'New', spec('https://x.test/'))).rejects.toMatchObject(refusal);
    await expect(service.rename('future', 'Renamed')).rejects.toMatchObject(refusal);
    expect(await readFile(path.join(root, 'old', 'future.request.json'), 'utf8')).toBe(futureRequest);
    expect(await readFile(path.join(root, 'future', 'collection.json'), 'utf8')).toBe(futureCollection);
    expect(await readdir(path.join(root, 'future'))).toEqual(['collection.json']);
  });

  it('keeps the order of a courier-workspace.json from a newer Courier as it is', async () => {
    const futureRoot = `${JSON.stringify({ format: 5, name: 'Team', order: ['old'], pinned: ['old'] }, null, 2)}\n`;
    await writeFile(path.join(root, 'courier-workspace.json'), futureRoot);
    await service.open(root);
    await expect(service.createContainer(null, 'New')).rejects.toMatchObject({
      code: 'WORKSPACE_FILE_INVALID',
      message: expect.stringContaining('workspace file format 5'),
    });
    expect(await readFile(path.join(root, 'courier-workspace.json'), 'utf8')).toBe(futureRoot);
  });
});
