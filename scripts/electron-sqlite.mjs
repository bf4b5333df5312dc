// better-sqlite3 is a native addon: node_modules holds the build for Node (tests, web mode, the CLI). Electron has its
// own ABI, so `npm start` builds a second copy for it with @electron/rebuild, in node_modules/.courier-electron/,
// and tells the app where it is (COURIER_SQLITE_BINDING → better-sqlite3's `nativeBinding` option). The Node build is
// never touched. See electron/services/history/README.md.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './ensure-build.mjs';

const cacheRoot = path.join(root, 'node_modules', '.courier-electron');
export const electronSqliteBinding = path.join(cacheRoot, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

const versionOf = (dir) => JSON.parse(readFileSync(path.join(root, 'node_modules', dir, 'package.json'), 'utf8')).version;

/** The path of an Electron build of better-sqlite3, building it first when missing or stale; null when it cannot be built. */
export async function ensureElectronSqlite() {
  const stamp = `${versionOf('electron')} ${versionOf('better-sqlite3')} ${process.platform}-${process.arch}`;
  const stampFile = path.join(cacheRoot, 'stamp.txt');
  if (existsSync(electronSqliteBinding) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return electronSqliteBinding;
  try {
    console.log('Courier: building the history database addon for Electron (once)…');
    rmSync(cacheRoot, { recursive: true, force: true });
    const target = path.join(cacheRoot, 'node_modules', 'better-sqlite3');
    mkdirSync(target, { recursive: true });
    cpSync(path.join(root, 'node_modules', 'better-sqlite3'), target, {
      recursive: true,
      filter: (source) => !source.split(path.sep).includes('build'),
    });
    writeFileSync(
      path.join(cacheRoot, 'package.json'),
      JSON.stringify({ name: 'courier-electron-native', private: true, dependencies: { 'better-sqlite3': versionOf('better-sqlite3') } }),
    );
    const { rebuild } = await import('@electron/rebuild');
    await rebuild({ buildPath: cacheRoot, electronVersion: versionOf('electron'), onlyModules: ['better-sqlite3'], force: true, mode: 'sequential' });
    if (!existsSync(electronSqliteBinding)) throw new Error('the build produced no better_sqlite3.node');
    writeFileSync(stampFile, stamp);
    return electronSqliteBinding;
  } catch (error) {
    const reason = String(error instanceof Error ? error.message : error).split('\n')[0];
    console.error(`Courier: could not build the history database for Electron (${reason}); history is unavailable until it can be built.`);
    return null;
  }
}
