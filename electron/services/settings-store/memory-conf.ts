import path from 'node:path';
import type { ConfLike, SettingsConfOptions } from './settings-store';

/**
 * Settings that live in memory only, for a data folder thrown away when its process ends (`courier run` without
 * --data-dir): nothing reads them after, so each write's temporary file, fsync and rename, and Conf's re-read of the
 * file on every access, were start-up cost for no one. Values go through JSON as they would through the file, so a
 * caller gets a fresh copy on every read, as from Conf.
 */
export function createMemoryConf(options: SettingsConfOptions): ConfLike {
  const values = new Map<string, string>();
  return {
    path: path.join(options.cwd, `${options.configName}.${options.fileExtension}`),
    get: (key) => {
      const text = values.get(key);
      return text === undefined ? undefined : JSON.parse(text);
    },
    set: (key, value) => {
      // as Conf does
      if (value === undefined) throw new TypeError('Use `delete()` to clear values');
      values.set(key, JSON.stringify(value));
    },
    delete: (key) => void values.delete(key),
  };
}
