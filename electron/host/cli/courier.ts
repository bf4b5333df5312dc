import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MEMORY_BYTES, startSandboxWorker } from '../../services/scripts/start-sandbox-worker';
import { parseRunArgs, USAGE } from './args';

// Built to dist/cli/courier.js. Only argument parsing is loaded up front: the services (SQLite, undici, the
// importers) come in with run-command when there is something to run, so `--help` and usage errors answer at once.

function version(): string {
  try {
    const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../package.json');
    return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

async function main(): Promise<number> {
  const parsed = parseRunArgs(process.argv.slice(2));
  if ('help' in parsed) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if ('version' in parsed) {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  if ('error' in parsed) {
    process.stderr.write(`courier: ${parsed.error}\n\n${USAGE}\n`);
    return 2;
  }
  // The sandbox worker (QuickJS, ~0.3 s to build) starts first, so that it builds while the services load below.
  const sandbox = startSandboxWorker(new URL('./sandbox-worker.js', import.meta.url), DEFAULT_MEMORY_BYTES);
  const controller = new AbortController();
  // conf (through when-exit) hooks these at import and re-raises them; the run owns Ctrl+C: first cancels, second quits
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\ncourier: cancelling… (Ctrl+C again to quit now)\n');
    controller.abort();
  };
  const { runCommand } = await import('./run-command');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, onSignal);
  }
  return runCommand(parsed.run, { stdout: process.stdout, stderr: process.stderr, env: process.env, version: version(), signal: controller.signal, sandbox });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`courier: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
