import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const cliPath = path.join(projectRoot, 'dist/web/cli.js');
const URL_LINE = /COURIER_WEB_URL=(\S+)/;
const SECRET_PATH = /^\/s\/([A-Za-z0-9_-]+)\/$/;

export interface CourierWeb {
  /** The URL as printed by the server: http://127.0.0.1:<port>/s/<token>/, the token being the secret path. */
  url: string;
  /** The same origin without the token. */
  origin: string;
  /** The per-launch token, taken from the URL's path. */
  token: string;
  dataDir: string;
  output(): string;
  /** how the server ended when nothing asked it to (a crash), else null: a test whose server died says so */
  exitedByItself(): string | null;
  stop(): Promise<void>;
}

/** Starts `node dist/web/cli.js` on a random port with its own temporary data directory, as a user's `npm run web` would. */
export async function startCourierWeb(options: { dataDir?: string; env?: NodeJS.ProcessEnv; port?: number } = {}): Promise<CourierWeb> {
  if (!existsSync(cliPath)) throw new Error('dist/web/cli.js is missing: run `npm run build` before the end-to-end tests.');
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'courier-e2e-')));
  const ownsDataDir = options.dataDir === undefined;
  const child: ChildProcess = spawn(process.execPath, [cliPath, '--data-dir', dataDir, '--port', String(options.port ?? 0)], {
    cwd: projectRoot,
    // every answer and event checked against the contract (electron/core/contract-check.ts); see fixtures.ts
    env: { ...process.env, COURIER_CHECK_CONTRACT: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const started = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Courier web mode did not start in time:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = URL_LINE.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Courier web mode exited with code ${code}:\n${output}`));
    });
  });
  // A start that fails or times out (a loaded CI machine) must not leave its server running, and its folder, for the
  // rest of the run: each leaked server was more load on the machine for the tests after it.
  const url = await started.catch(async (error: unknown) => {
    if (child.exitCode === null) child.kill('SIGKILL');
    if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  let stopping = false;
  let exited: string | null = null;
  child.once('exit', (code, signal) => {
    if (!stopping) exited = signal ? `killed by ${signal}` : `exited with code ${code}`;
  });
  const parsed = new URL(url);
  const token = SECRET_PATH.exec(parsed.pathname)?.[1];
  if (!token) {
    child.kill('SIGKILL');
    if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
    throw new Error(`Courier web mode printed a URL without the /s/<token>/ path: ${url}`);
  }
  return {
    url,
    origin: parsed.origin,
    token,
    dataDir,
    output: () => output,
    exitedByItself: () => exited,
    stop: async () => {
      stopping = true;
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
