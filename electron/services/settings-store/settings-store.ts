import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { CourierError } from '../../../shared/contract';

/** What we need of a Conf instance; electron-store extends Conf, so the Electron host can hand one in. */
export interface ConfLike {
  readonly path: string;
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

/** The options this service passes to the factory (a subset of Conf's and electron-store's). */
export interface SettingsConfOptions {
  cwd: string;
  configName: string;
  /** electron-store overwrites `configName` with `name` (default 'config'), so both are given */
  name: string;
  fileExtension: 'json';
  clearInvalidConfig: false;
  accessPropertiesByDotNotation: false;
  configFileMode: number;
}

/** Builds the Conf instance; the Electron host passes `(o) => new ElectronStore(o)`. */
export type ConfFactory = (options: SettingsConfOptions) => ConfLike;

interface SettingsStoreOptions {
  /** folder the file lives in (created 0700 when missing) */
  dir: string;
  /** file name without extension; default 'settings' */
  name?: string;
  /** default: `new Conf(options)`; the Electron host passes `(o) => new ElectronStore(o)` */
  createConf?: ConfFactory;
}

export interface SettingsStore {
  readonly path: string;
  /** things the user must be told (a damaged file kept aside); the host shows them once */
  readonly notices: string[];
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

/** `settings.json.corrupt-2025-01-31T10-20-30.123Z`: sortable, and legal on Windows (no colons). */
function asideName(file: string, now: Date): string {
  const stamp = now.toISOString().replace(/:/g, '-');
  let candidate = `${file}.corrupt-${stamp}`;
  for (let n = 2; existsSync(candidate); n += 1) candidate = `${file}.corrupt-${stamp}-${n}`;
  return candidate;
}

type FileCheck = 'missing' | 'ok' | 'damaged';

function checkFile(file: string): FileCheck {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw storageError(error, 'Courier could not read its settings file.');
  }
  try {
    const value: unknown = JSON.parse(text);
    // Conf would spread an array or a number into an object and write that back: also damage.
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? 'ok' : 'damaged';
  } catch {
    return 'damaged';
  }
}

/**
 * Conf writes through `atomically`: the new content goes to `settings.json.tmp-<stamp>` and is renamed over the file.
 * A crash between the two leaves the temp file behind, holding ciphertexts and names; nothing ever reads it, so it
 * is removed at start (one app instance owns the folder, so no live write is in flight).
 */
function removeLeftoverTemps(dir: string, fileName: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.startsWith(`${fileName}.tmp-`)) continue;
    try {
      rmSync(path.join(dir, entry), { force: true });
    } catch {
      // best effort: a leftover that cannot be removed does no harm beyond taking space
    }
  }
}

function storageError(error: unknown, message: string): CourierError {
  if (error instanceof CourierError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return new CourierError('STORAGE_ERROR', message, code ?? (error instanceof Error ? error.message : String(error)));
}

/**
 * One JSON file of settings (and the vault's ciphertexts), through Conf so the Electron host can use electron-store
 * over the same file format. Conf either throws on a damaged file or, with clearInvalidConfig, silently empties it;
 * neither is acceptable, so the file is checked first and a damaged one is renamed aside and the user told.
 */
export function openSettingsStore(options: SettingsStoreOptions): SettingsStore {
  const name = options.name ?? 'settings';
  const dir = path.resolve(options.dir);
  const file = path.join(dir, `${name}.json`);
  const notices: string[] = [];
  const createConf = options.createConf ?? ((o: SettingsConfOptions): ConfLike => new Conf<Record<string, unknown>>(o));

  /** Renames a damaged file aside; true when it did, so the caller may retry on a fresh file. */
  const setAsideIfDamaged = (): boolean => {
    if (checkFile(file) !== 'damaged') return false;
    const aside = asideName(file, new Date());
    try {
      renameSync(file, aside);
    } catch (error) {
      throw storageError(error, 'Your settings file is damaged and Courier could not move it aside. Nothing was changed.');
    }
    notices.push(
      `Your settings file was damaged. It was kept as ${path.basename(aside)} and a fresh one was started; ` +
        `settings, variables and saved secrets from the damaged file are not loaded. It is in ${dir} if you want to inspect or restore it.`,
    );
    return true;
  };

  try {
    mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  } catch (error) {
    throw storageError(error, 'Courier could not create its settings folder.');
  }
  removeLeftoverTemps(dir, `${name}.json`);
  setAsideIfDamaged();
  // The file holds ciphertexts and names of things; keep it to the owner even before the next write re-creates it.
  try {
    chmodSync(file, FILE_MODE);
  } catch {
    // missing yet, or a file system without modes (Windows, some mounts): nothing to tighten
  }

  const conf = createConf({
    cwd: dir,
    configName: name,
    name,
    fileExtension: 'json',
    clearInvalidConfig: false,
    // keys such as 'variables.corrupt-…' are names, not paths into nested objects
    accessPropertiesByDotNotation: false,
    configFileMode: FILE_MODE,
  });
  if (path.resolve(conf.path) !== file) {
    throw new Error(`createConf opened ${conf.path}, expected ${file}`);
  }

  /**
   * Conf reads the file on every access, so damage done while the app runs (another program, a bad restore) shows
   * up here: it gets the same treatment as at start-up instead of an exception on every call.
   */
  const guarded = <T>(action: () => T, message: string): T => {
    try {
      return action();
    } catch (error) {
      let retry = false;
      try {
        retry = setAsideIfDamaged();
      } catch (asideError) {
        throw storageError(asideError, message);
      }
      if (!retry) throw storageError(error, message);
      try {
        return action();
      } catch (again) {
        throw storageError(again, message);
      }
    }
  };

  return {
    path: file,
    notices,
    get: (key) => guarded(() => conf.get(key), 'Courier could not read its settings file.'),
    set: (key, value) => guarded(() => conf.set(key, value), 'Courier could not save its settings file.'),
    delete: (key) => guarded(() => conf.delete(key), 'Courier could not save its settings file.'),
  };
}
