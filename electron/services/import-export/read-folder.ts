import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { CourierError } from '../../../shared/contract';
import { readFailure, readWorkspaceFile } from '../workspace';

/** A Bruno collection is small text files; more than this is not one (a home folder picked by mistake). */
interface FolderImportLimits {
  maxFiles: number;
  maxEntries: number;
  maxDepth: number;
  maxTotalBytes: number;
  maxFileBytes: number;
}

export const FOLDER_IMPORT_LIMITS: Readonly<FolderImportLimits> = {
  maxFiles: 5_000,
  maxEntries: 50_000,
  maxDepth: 16,
  maxTotalBytes: 64 * 1024 * 1024,
  maxFileBytes: 10 * 1024 * 1024,
};

/** Files a collection folder import reads; everything else (images, node_modules, .git) is never opened. */
const WANTED = /(\.bru|\.ya?ml|^bruno\.json)$/;

interface FolderFile {
  path: string;
  text: string;
}

const refuse = (message: string) => new CourierError('INVALID_IMPORT', message);

/**
 * The text files of a collection folder, with the workspace's safe-read rules: a link is never followed out of the
 * folder (links to folders are not followed at all), a pipe or device is refused without blocking, and file count,
 * depth and total size are capped so a wrong pick cannot make Courier read a whole disk.
 */
export async function readCollectionFolder(folder: string, limits: Readonly<FolderImportLimits> = FOLDER_IMPORT_LIMITS): Promise<FolderFile[]> {
  if (!path.isAbsolute(folder)) throw refuse('Give the folder’s full path (for example /home/ann/api-collection).');
  const info = await lstat(folder).catch(() => null);
  if (!info || !info.isDirectory()) throw refuse(`${folder} is not a folder Courier can open.`);
  const files: FolderFile[] = [];
  let total = 0;
  let seen = 0;
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > limits.maxDepth) throw refuse(`The folder nests deeper than ${limits.maxDepth} levels; this does not look like a collection.`);
    const entries = await readdir(dir, { withFileTypes: true });
    // a home folder picked by mistake: stop listing long before it would take minutes
    seen += entries.length;
    if (seen > limits.maxEntries)
      throw refuse(`The folder holds more than ${limits.maxEntries} entries; this does not look like a collection. Choose the collection’s own folder.`);
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        await walk(full, depth + 1);
        continue;
      }
      // a .env file holds secrets: its presence is reported, its content never read
      if (entry.name === '.env' && depth === 0) {
        files.push({ path: '.env', text: '' });
        continue;
      }
      if (!WANTED.test(entry.name) || !(entry.isFile() || entry.isSymbolicLink())) continue;
      if (files.length >= limits.maxFiles) throw refuse(`The folder holds more than ${limits.maxFiles} collection files; choose the collection’s own folder.`);
      let text: string | null;
      try {
        text = readWorkspaceFile(folder, full, limits.maxFileBytes);
      } catch (error) {
        throw refuse(`Nothing was imported: ${readFailure(error)}`);
      }
      if (text === null) continue;
      total += text.length;
      if (total > limits.maxTotalBytes)
        throw refuse(`The folder’s collection files add up to more than ${limits.maxTotalBytes / (1024 * 1024)} MB; choose the collection’s own folder.`);
      files.push({ path: path.relative(folder, full).split(path.sep).join('/'), text });
    }
  };
  await walk(folder, 0);
  return files;
}
