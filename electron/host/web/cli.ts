import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPackageVersion } from '../../core';
import { DataDirLockedError, resolveDataDir } from '../../services/app-paths';
import { CLI_USAGE, parseCliArgs } from './cli-args';
import { startWebHost } from './start-web-host';

// Built to dist/web/cli.js: the renderer sits beside it in dist/renderer, package.json two levels up.
const here = path.dirname(fileURLToPath(import.meta.url));
const staticRoot = path.resolve(here, '../renderer');
const packageJson = path.resolve(here, '../../package.json');

function exitWith(message: string, code = 1): never {
  console.error(`Courier: ${message}`);
  process.exit(code);
}

async function main(): Promise<void> {
  const args = parseCliArgs(process.argv.slice(2));
  if ('error' in args) exitWith(`${args.error}\n\n${CLI_USAGE}`, 2);
  if (args.help) {
    console.log(CLI_USAGE);
    return;
  }
  if (!existsSync(path.join(staticRoot, 'index.html'))) {
    console.error(`Courier: warning: ${staticRoot} has no index.html; run "npm run build" to build the app's pages.`);
  }

  const dataDir = resolveDataDir({ argv: args.dataDir === undefined ? [] : ['--data-dir', args.dataDir] });
  let host;
  try {
    host = await startWebHost({
      dataDir,
      staticRoot,
      port: args.port,
      version: readPackageVersion(packageJson),
      vaultPassphrase: process.env.COURIER_VAULT_PASSPHRASE || undefined,
    });
  } catch (error) {
    if (error instanceof DataDirLockedError) exitWith(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') exitWith(`port ${args.port} on 127.0.0.1 is already in use. Pick another with --port, or leave it out.`);
    if (code === 'EACCES' || code === 'EPERM') exitWith(`not allowed to use ${dataDir} or port ${args.port}: ${(error as Error).message}`);
    exitWith(`could not start: ${(error as Error).message}`);
  }

  console.log(`Courier is running at ${host.url} (data: ${host.dataDir})`);
  // For scripts and tests that start the server and need its address; the line format is stable.
  console.log(`COURIER_WEB_URL=${host.url}`);

  // conf's atomic writer (through when-exit) hooks these signals at import and re-raises them after its own
  // clean-up, which would read here as a second Ctrl+C. The CLI owns its signals; that clean-up still runs on 'exit'.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.removeAllListeners(signal);
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(130); // a second Ctrl+C means now
    stopping = true;
    host.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Courier: error while closing:', (error as Error).message);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // A closed terminal window: release the data folder rather than leave a lock for the next start to clear.
  process.on('SIGHUP', stop);
}

void main();
