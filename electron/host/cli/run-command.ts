import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { dispatch, type RequestSettings, type WorkspaceTree } from '../../../shared/contract';
import { DataFileError, parseDataFile, type DataRow, type RunResult } from '../../../shared/runner';
import { redactText } from '../../../shared/variables';
import { createCourier, type Courier } from '../../core';
import type { StartedSandbox } from '../../services/scripts/start-sandbox-worker';
import { acquireDataDirLock, DataDirLockedError, ensureDataDir, type DataDirLock } from '../../services/app-paths';
import { createMemoryConf } from '../../services/settings-store';
import { createRunner, RunInputError } from '../../services/runner';
import { type RunArgs } from './args';
import { exitCodeOf } from './exit-code';
import { InputError } from './input-error';
import { prepareEnvironment } from './run-environment';
import { findFolder, openRunSource } from './run-source';
import { createTerminalReporter } from './terminal';
import { writeReports } from './write-reports';

interface CommandIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  env: Readonly<Record<string, string | undefined>>;
  version: string;
  signal: AbortSignal;
  /** the script sandbox's worker, started by the entry before this module loaded (courier.ts) */
  sandbox?: StartedSandbox;
}

async function readData(file: string): Promise<DataRow[]> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`--data ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  try {
    return parseDataFile(text, file);
  } catch (error) {
    if (error instanceof DataFileError) throw new InputError(`--data ${error.message}`);
    throw error;
  }
}

/** The data folder: the user's (--data-dir, locked like the app locks it) or a temporary one the run throws away. */
async function openDataDir(args: RunArgs): Promise<{ dir: string; private: boolean; dispose: () => Promise<void> }> {
  if (args.dataDir === undefined) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'courier-run-data-'));
    return { dir, private: true, dispose: () => rm(dir, { recursive: true, force: true }) };
  }
  const dir = await ensureDataDir(path.resolve(args.dataDir));
  let lock: DataDirLock;
  try {
    lock = await acquireDataDirLock(dir, 'courier run');
  } catch (error) {
    if (error instanceof DataDirLockedError) throw new InputError(error.message);
    throw error;
  }
  return { dir, private: false, dispose: () => lock.release() };
}

/**
 * `courier run`: exit code 0 all passed, 1 a failure, 130 cancelled (see exitCodeOf), 2 bad input (the message says what and where).
 * @public (bundled on its own and loaded through the V8 code cache, code-cache.ts, which knip does not follow)
 */
export async function runCommand(args: RunArgs, io: CommandIo): Promise<number> {
  const tty = io.stdout.isTTY === true;
  let mask = (text: string) => text;
  const cleanups: (() => Promise<unknown>)[] = [];
  let courier: Courier | null = null;
  let releaseDataDir = async (): Promise<unknown> => undefined;
  try {
    const data = args.data === undefined ? undefined : await readData(args.data);
    const dataDir = await openDataDir(args);
    releaseDataDir = dataDir.dispose;
    courier = createCourier({
      dataDir: dataDir.dir,
      mode: 'web',
      version: io.version,
      openExternal: () => false,
      // a passphrase for the user's vault; the CLI's own temporary vault is set up when a secret needs it
      vaultPassphrase: dataDir.private ? undefined : io.env.COURIER_VAULT_PASSPHRASE || undefined,
      processEnv: io.env,
      // a throw-away data folder's history would be deleted unread; a --data-dir keeps the run's exchanges, as the app does
      history: !dataDir.private,
      // nor its settings (the run's environment, the workspace it opened): kept in memory, never written and synced
      ...(dataDir.private ? { createConf: createMemoryConf } : {}),
      // the sandbox starts (~0.3 s of QuickJS set-up) while the collection is read, not when its first script runs
      prewarmScripts: true,
      ...(io.sandbox ? { sandbox: io.sandbox } : {}),
      onInternalError: (error) => io.stderr.write(`courier: internal error: ${mask(error instanceof Error ? error.message : String(error))}\n`),
    });
    const { handlers } = courier;
    const info = await dispatch(handlers, 'app.info', {});
    const failedUnlock = info.ok ? (info.value as { notices?: string[] }).notices?.find((notice) => notice.startsWith('COURIER_VAULT_PASSPHRASE')) : undefined;
    if (failedUnlock !== undefined) throw new InputError(failedUnlock);
    // the workspace the data folder remembers is put back, so a run does not change what the app opens next
    const before = dataDir.private ? null : await dispatch(handlers, 'workspace.tree', {});
    if (before?.ok) {
      const tree = before.value as WorkspaceTree;
      cleanups.unshift(() => dispatch(handlers, 'workspace.open', { path: tree.isDefault ? null : tree.root }));
    }
    const source = await openRunSource(handlers, args.source);
    cleanups.unshift(source.dispose);
    for (const warning of source.warnings) io.stderr.write(`courier: warning: ${warning}\n`);
    const paths = args.folder === undefined ? source.paths : [findFolder(source.nodes, source.paths, args.folder)];
    const environment = await prepareEnvironment(handlers, {
      ...(args.env === undefined ? {} : { env: args.env }),
      ...(args.envFile === undefined ? {} : { envFile: args.envFile }),
      secretsFromEnv: args.secretsFromEnv,
      processEnv: io.env,
      privateDataDir: dataDir.private,
    });
    cleanups.unshift(environment.dispose);
    mask = (text) => redactText(text, environment.secrets);
    const settings: Partial<RequestSettings> = {
      ...(args.timeoutMs === undefined ? {} : { deadlineMs: args.timeoutMs }),
      ...(args.insecure ? { verifyTls: false } : {}),
    };
    const terminal = args.reporters.includes('cli')
      ? createTerminalReporter({ write: (text) => io.stdout.write(mask(text)), tty, color: tty && !io.env.NO_COLOR })
      : null;
    let result: RunResult;
    try {
      result = await createRunner({ handlers }).run({
        paths,
        ...(args.iterations === undefined ? {} : { iterations: args.iterations }),
        ...(data === undefined ? {} : { data }),
        variables: args.vars,
        delayMs: args.delayMs,
        bail: args.bail,
        ...(environment.id === undefined ? {} : { environment: environment.id }),
        signal: io.signal,
        settings,
        ...(args.requestsPerSecond === undefined ? {} : { requestsPerSecond: args.requestsPerSecond }),
        ...(args.maxRateLimitWaitMs === undefined ? {} : { maxRateLimitWaitMs: args.maxRateLimitWaitMs }),
        maskValues: environment.secrets,
        ...(terminal === null ? {} : { onEvent: (event) => terminal.onEvent(event) }),
      });
    } finally {
      terminal?.stop();
    }
    if (terminal !== null) io.stdout.write(mask(terminal.summary(result)));
    const written = await writeReports(result, args.reporters, path.resolve(args.outDir), mask);
    for (const file of written) io.stdout.write(`Report: ${file}\n`);
    return exitCodeOf(result);
  } catch (error) {
    if (error instanceof InputError || error instanceof RunInputError) {
      io.stderr.write(`courier: ${mask(error.message)}\n`);
      return 2;
    }
    throw error;
  } finally {
    for (const cleanup of cleanups.splice(0)) await cleanup().catch(() => undefined);
    if (courier !== null) await courier.close();
    // the data folder last: its services had to close first
    await releaseDataDir().catch(() => undefined);
  }
}
