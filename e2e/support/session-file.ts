import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The settings file of a data directory as written (the session lives in it), or '' before its first write. */
export async function settingsText(dataDir: string): Promise<string> {
  try {
    return await readFile(path.join(dataDir, 'settings.json'), 'utf8');
  } catch {
    return '';
  }
}

/** One key of the settings file, parsed; undefined until it is written. */
export async function settingsValue(dataDir: string, key: string): Promise<unknown> {
  const text = await settingsText(dataDir);
  if (text === '') return undefined;
  return (JSON.parse(text) as Record<string, unknown>)[key];
}
