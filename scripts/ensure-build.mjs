// Shared by `npm start` and `npm run web`: build first when dist/ is missing or older than the sources, so a fresh
// clone or an edited file never runs stale code, and an up-to-date tree starts without waiting for a build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

const SOURCE_DIRS = ['electron', 'shared', 'renderer'];
const SOURCE_FILES = ['package.json', 'package-lock.json', 'vite.config.ts', 'scripts/build.mjs'];
const OUTPUTS = ['dist/electron/main.js', 'dist/electron/preload.cjs', 'dist/web/cli.js', 'dist/renderer/index.html'];
// Tests do not end up in dist/, so editing one is no reason to rebuild.
const IGNORED = /(^|[\\/])(node_modules|\.[^\\/]+)$|\.test\.[cm]?[jt]sx?$/;

async function* walk(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (IGNORED.test(full)) continue;
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

/** Why a build is needed, or null when dist/ is current. */
export async function staleReason(base = root) {
  const stamp = await stat(path.join(base, 'dist', 'build-stamp.json')).catch(() => null);
  if (!stamp) return 'no build yet';
  const missing = OUTPUTS.find((output) => !existsSync(path.join(base, output)));
  if (missing) return `${missing} is missing`;
  for (const file of SOURCE_FILES) {
    const info = await stat(path.join(base, file)).catch(() => null);
    if (info && info.mtimeMs > stamp.mtimeMs) return `${file} changed`;
  }
  for (const dir of SOURCE_DIRS) {
    for await (const file of walk(path.join(base, dir))) {
      const info = await stat(file).catch(() => null);
      if (info && info.mtimeMs > stamp.mtimeMs) return `${path.relative(base, file)} changed`;
    }
  }
  return null;
}

export async function ensureBuild() {
  const reason = await staleReason();
  if (!reason) return;
  console.log(`Courier: building first (${reason})…`);
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--quiet'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('Courier: the build failed; see the messages above.');
    process.exit(result.status ?? 1);
  }
}

/** Runs a child with our stdio, forwards Ctrl+C and termination to it, and exits with its code. */
export function runForwardingSignals(child) {
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on('SIGINT', () => forward('SIGINT'));
  process.on('SIGTERM', () => forward('SIGTERM'));
  process.on('SIGHUP', () => forward('SIGHUP'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', (error) => {
    console.error(`Courier: could not start ${child.spawnfile}: ${error.message}`);
    process.exit(1);
  });
}
