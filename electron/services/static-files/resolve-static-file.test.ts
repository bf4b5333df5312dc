import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveStaticFile } from './resolve-static-file';

let work: string;
let root: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'courier-static-'));
  root = path.join(work, 'root');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html>');
  await writeFile(path.join(root, 'assets', 'app-1a2b.js'), '1');
  await writeFile(path.join(root, 'assets', 'style.css'), 'a{}');
  await writeFile(path.join(root, 'assets', 'codicon.ttf'), 'x');
  await writeFile(path.join(root, 'assets', 'blob.xyz'), 'x');
  await writeFile(path.join(work, 'secret.txt'), 'secret');
  await symlink(path.join(work, 'secret.txt'), path.join(root, 'escape.txt')).catch(() => undefined);
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('resolveStaticFile', () => {
  it('maps / to index.html and serves with the right MIME types', async () => {
    expect(await resolveStaticFile(root, '/')).toMatchObject({ contentType: 'text/html; charset=utf-8', isDocument: true });
    expect(await resolveStaticFile(root, '/assets/app-1a2b.js')).toMatchObject({ contentType: 'text/javascript; charset=utf-8', isDocument: false, size: 1 });
    expect(await resolveStaticFile(root, '/assets/style.css')).toMatchObject({ contentType: 'text/css; charset=utf-8' });
    expect(await resolveStaticFile(root, '/assets/codicon.ttf')).toMatchObject({ contentType: 'font/ttf' });
    expect(await resolveStaticFile(root, '/assets/blob.xyz')).toMatchObject({ contentType: 'application/octet-stream' });
  });

  it('refuses traversal in every spelling, folders, NUL bytes, bad escapes and symlinks out of the root', async () => {
    for (const attempt of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/..%5csecret.txt',
      '/assets',
      '/index.html%00',
      '/%zz',
      'secret.txt',
      '/escape.txt',
      '/missing.js',
    ]) {
      expect(await resolveStaticFile(root, attempt), attempt).toBeNull();
    }
  });
});
