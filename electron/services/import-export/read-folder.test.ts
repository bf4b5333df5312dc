import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOLDER_IMPORT_LIMITS, readCollectionFolder } from './read-folder';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'courier-read-folder-'));
  await writeFile(path.join(root, 'bruno.json'), '{"name":"c"}');
  await writeFile(path.join(root, '.env'), 'SECRET=do-not-read');
  await writeFile(path.join(root, 'image.png'), 'not read');
  await mkdir(path.join(root, 'node_modules', 'x'), { recursive: true });
  await writeFile(path.join(root, 'node_modules', 'x', 'a.bru'), 'skipped');
  await mkdir(path.join(root, 'deep', 'er'), { recursive: true });
  await writeFile(path.join(root, 'deep', 'er', 'r.bru'), 'meta {\n}\n');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('readCollectionFolder', () => {
  it('reads only collection files, reports .env without reading it, skips node_modules', async () => {
    const files = await readCollectionFolder(root);
    expect(files.map((file) => file.path).sort()).toEqual(['.env', 'bruno.json', 'deep/er/r.bru']);
    expect(files.find((file) => file.path === '.env')!.text).toBe('');
  });

  it('refuses a folder nested too deep or holding too many files or entries', async () => {
    await expect(readCollectionFolder(root, { ...FOLDER_IMPORT_LIMITS, maxDepth: 1 })).rejects.toThrow(/deeper than 1 levels/);
    await expect(readCollectionFolder(root, { ...FOLDER_IMPORT_LIMITS, maxFiles: 1 })).rejects.toThrow(/more than 1 collection files/);
    await expect(readCollectionFolder(root, { ...FOLDER_IMPORT_LIMITS, maxEntries: 3 })).rejects.toThrow(/more than 3 entries/);
    await expect(readCollectionFolder(root, { ...FOLDER_IMPORT_LIMITS, maxTotalBytes: 5 })).rejects.toThrow(/add up to more than/);
  });
});
