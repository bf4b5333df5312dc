// `npm start [-- --data-dir /tmp/x]`: the desktop app. Where no Electron binary can be had (no download access,
// an unsupported platform), say so in one line and point at web mode instead of showing an installer's stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureBuild, root, runForwardingSignals } from './ensure-build.mjs';
import { ensureElectronSqlite } from './electron-sqlite.mjs';

const NO_ELECTRON =
  'Courier: the Electron binary is not available and could not be downloaded on this machine — run "npm run web" to use Courier in your browser.';

/**
 * require('electron') returns the binary's path, downloading it first if needed, and throws when it cannot. It runs in
 * a child with its output captured, so the download attempt and any failure stay off the user's terminal.
 */
function resolveElectronBinary() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write('\\nCOURIER_ELECTRON_PATH=' + require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 5 * 60_000,
  });
  const found = /^COURIER_ELECTRON_PATH=(.+)$/m.exec(probe.stdout ?? '')?.[1];
  return probe.status === 0 && found && existsSync(found) ? found : null;
}

// Electron first: where it cannot be had, the user learns it at once instead of after a build they cannot use.
const electronBinary = resolveElectronBinary();
if (!electronBinary) {
  console.error(NO_ELECTRON);
  process.exit(1);
}
await ensureBuild();
// Only here, with an Electron binary present: the history store's native addon built for Electron's ABI.
const sqliteBinding = await ensureElectronSqlite();

// ELECTRON_RUN_AS_NODE, if inherited from a tool that set it, would start Node instead of the app.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
if (sqliteBinding) env.COURIER_SQLITE_BINDING = sqliteBinding;
// The project folder is the app: Electron reads package.json (name, version, main → dist/electron/main.js).
const child = spawn(electronBinary, [root, ...process.argv.slice(2)], { cwd: process.cwd(), stdio: 'inherit', env });
runForwardingSignals(child);
