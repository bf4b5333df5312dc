import { chmod, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const APP_FOLDER_NAME = 'Courier';
const DATA_DIR_FLAG = '--data-dir';
const DATA_DIR_ENV = 'COURIER_DATA_DIR';

interface PlatformContext {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  homedir: string;
}

function currentContext(): PlatformContext {
  return { platform: process.platform, env: process.env, homedir: os.homedir() };
}

/**
 * The per-user folder Electron's app.getPath('userData') gives for productName "Courier", computed without Electron
 * so web mode and the desktop app share one data folder by default.
 */
export function defaultDataDir(context: PlatformContext = currentContext()): string {
  const { platform, env, homedir } = context;
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  if (platform === 'win32') return join(env.APPDATA || join(homedir, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return join(homedir, 'Library', 'Application Support', APP_FOLDER_NAME);
  // Electron follows XDG only when the variable holds an absolute path; so do we.
  const xdg = env.XDG_CONFIG_HOME;
  const configHome = xdg && path.posix.isAbsolute(xdg) ? xdg : join(homedir, '.config');
  return join(configHome, APP_FOLDER_NAME);
}

/** The value of --data-dir (as `--data-dir X` or `--data-dir=X`), or undefined when absent. */
export function dataDirFromArgs(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === DATA_DIR_FLAG) {
      const next = argv[i + 1];
      return next && !next.startsWith('--') ? next : undefined;
    }
    if (arg?.startsWith(`${DATA_DIR_FLAG}=`)) return arg.slice(DATA_DIR_FLAG.length + 1) || undefined;
  }
  return undefined;
}

interface ResolveDataDirOptions {
  argv?: readonly string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  context?: PlatformContext;
}

/** --data-dir wins over COURIER_DATA_DIR, which wins over the per-user default. Relative paths resolve against cwd. */
export function resolveDataDir(options: ResolveDataDirOptions = {}): string {
  const env = options.env ?? process.env;
  const chosen = dataDirFromArgs(options.argv ?? process.argv) ?? (env[DATA_DIR_ENV] || undefined);
  if (chosen) return path.resolve(options.cwd ?? process.cwd(), chosen);
  return defaultDataDir(options.context ?? { ...currentContext(), env });
}

/**
 * Creates the folder readable by the user only (history and responses may hold credentials). A folder that already
 * exists keeps the permissions its owner gave it.
 */
export async function ensureDataDir(dir: string): Promise<string> {
  const created = await mkdir(dir, { recursive: true, mode: 0o700 });
  if (created !== undefined && process.platform !== 'win32') await chmod(dir, 0o700);
  return dir;
}
