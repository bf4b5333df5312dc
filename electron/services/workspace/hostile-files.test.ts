import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WORKSPACE_FILE } from '../../../shared/workspace';
import { createWorkspaceService, type WorkspaceService } from './index';
import { MAX_WORKSPACE_FILE_BYTES, readWorkspaceFile } from './safe-read';

// Workspaces arrive by git clone and shared drives: their files may be links, pipes or huge. None of it may hang
// Courier, make it read without end, or put what such a file holds into an error message.

const posix = process.platform !== 'win32';
const SECRET_LINE = 'root:x:0:0:secret-canary-line:/root:/bin/bash';

let dir: string;
let ws: string;
let outside: string;
let service: WorkspaceService | null;

function memoryStore() {
  const data = new Map<string, unknown>();
  return { get: (key: string) => data.get(key), set: (key: string, value: unknown) => void data.set(key, value) };
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'courier-ws-hostile-'));
  ws = path.join(dir, 'ws');
  outside = path.join(dir, 'outside-passwd');
  await mkdir(path.join(ws, 'api'), { recursive: true });
  await writeFile(path.join(ws, 'api', 'ok.request.json'), JSON.stringify({ name: 'OK', method: 'GET', url: 'https://a.test/' }));
  await writeFile(outside, `${SECRET_LINE}\n`);
  service = null;
});
afterEach(async () => {
  await service?.close();
  await rm(dir, { recursive: true, force: true });
});

async function openWs(): Promise<WorkspaceService> {
  service = createWorkspaceService({ defaultDir: path.join(dir, 'default'), store: memoryStore(), onChange: () => undefined, debounceMs: 30 });
  await service.open(ws);
  return service;
}

/** The error a change to the top-level order gets: it has to read courier-workspace.json first. */
async function rootOrderError(s: WorkspaceService): Promise<{ code: string; message: string }> {
  try {
    await s.move('api', null, 0);
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('the move was not refused');
}

describe.runIf(posix)('hostile workspace files', () => {
  it('refuses a courier-workspace.json that links outside the folder, without quoting the file', async () => {
    await symlink(outside, path.join(ws, WORKSPACE_FILE));
    const s = await openWs();
    expect((await s.tree()).nodes.map((n) => n.name)).toEqual(['api', 'OK']);
    const error = await rootOrderError(s);
    expect(error.code).toBe('WORKSPACE_FILE_INVALID');
    expect(error.message).toContain('courier-workspace.json is a link to a file outside the workspace folder');
    expect(JSON.stringify(error)).not.toContain('root:x');
  });

  it('refuses a link to /dev/zero at once instead of reading 512 MB', async () => {
    await symlink('/dev/zero', path.join(ws, WORKSPACE_FILE));
    const started = Date.now();
    const s = await openWs();
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await rootOrderError(s)).message).toContain('outside the workspace folder');
  });

  it('refuses a FIFO without blocking: open, tree and later calls answer promptly', async () => {
    execFileSync('mkfifo', [path.join(ws, WORKSPACE_FILE)]);
    execFileSync('mkfifo', [path.join(ws, 'api', 'folder.json')]);
    const s = await openWs();
    expect((await s.tree()).nodes.map((n) => n.name)).toEqual(['api', 'OK']);
    expect((await rootOrderError(s)).message).toContain('courier-workspace.json is not a regular file');
    expect((await s.readRequest('api/ok.request.json')).name).toBe('OK');
  });

  it('never puts the content of an invalid JSON file into an error', async () => {
    await writeFile(path.join(ws, WORKSPACE_FILE), `${SECRET_LINE}\n`);
    await writeFile(path.join(ws, 'api', 'leak.request.json'), `${SECRET_LINE}\n`);
    const s = await openWs();
    const error = await rootOrderError(s);
    expect(error.message).toContain('Not valid JSON');
    expect(JSON.stringify(error)).not.toMatch(/root|canary/);
    const node = (await s.tree()).nodes.find((n) => n.path === 'api/leak.request.json');
    expect(node?.error).toContain('Not valid JSON');
    expect(node?.error).not.toMatch(/root|canary/);
  });

  it('refuses a request file over the cap, naming it and its size; the others still load', async () => {
    await writeFile(path.join(ws, 'api', 'huge.request.json'), Buffer.alloc(MAX_WORKSPACE_FILE_BYTES + 1, 0x20));
    const s = await openWs();
    const nodes = (await s.tree()).nodes;
    expect(nodes.find((n) => n.path === 'api/huge.request.json')?.error).toBe('api/huge.request.json is 10.0 MB; Courier reads workspace files up to 10.0 MB.');
    expect(nodes.find((n) => n.path === 'api/ok.request.json')?.error).toBeUndefined();
  });

  it('follows a link that stays inside the folder, and reads plain files as before', async () => {
    await writeFile(path.join(ws, 'real-workspace.json'), JSON.stringify({ name: 'Linked', order: ['api'] }));
    await symlink('real-workspace.json', path.join(ws, WORKSPACE_FILE));
    expect(readWorkspaceFile(ws, path.join(ws, WORKSPACE_FILE))).toContain('Linked');
    expect(readWorkspaceFile(ws, path.join(ws, 'missing.json'))).toBeNull();
    expect(() => readWorkspaceFile(ws, path.join(ws, 'api', 'ok.request.json'), 10)).toThrow(/ok\.request\.json is 0\.0 MB/);
  });
});
