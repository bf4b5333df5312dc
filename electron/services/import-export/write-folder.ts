import { lstat, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CourierError } from '../../../shared/contract';

const refuse = (message: string) => new CourierError('INVALID_INPUT', message);

/**
 * Writes exported files into a new folder `name` inside `destination`. It never writes over anything: the folder must
 * not exist yet and every file is created exclusively. Paths come from Courier's exporters; one that would leave the
 * new folder is refused all the same.
 */
export async function writeExportFolder(destination: string, name: string, files: readonly { path: string; text: string }[]): Promise<string> {
  if (!path.isAbsolute(destination)) throw refuse('Give the destination folder’s full path (for example /home/ann/exports).');
  const info = await lstat(destination).catch(() => null);
  if (!info || !info.isDirectory()) throw refuse(`${destination} is not a folder Courier can write into.`);
  const safe =
    name
      // eslint-disable-next-line no-control-regex
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-')
      .replace(/^\.+/, '')
      .trim() || 'collection';
  const target = path.join(destination, safe);
  try {
    await mkdir(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw refuse(`${target} already exists; Courier does not write over it. Choose another destination or rename that folder.`);
    throw error;
  }
  for (const file of files) {
    const full = path.resolve(target, file.path);
    const rel = path.relative(target, full);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) throw refuse(`The exported file ${file.path} would be written outside ${target}.`);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, file.text, { flag: 'wx' });
  }
  return target;
}
