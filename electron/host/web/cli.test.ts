import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webCliOptions } from '../../../scripts/web-cli-build.mjs';

/**
 * The CLI as users run it: bundled the way scripts/build.mjs bundles it, started as its own process. It is built
 * under node_modules/.cache so the packages it leaves external (better-sqlite3) resolve, with a renderer folder of its own beside it.
 */
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
let buildDir: string;
let cliPath: string;
let dataRoot: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  const cacheDir = path.join(repoRoot, 'node_modules', '.cache');
  await mkdir(cacheDir, { recursive: true });
  buildDir = await mkdtemp(path.join(cacheDir, 'courier-cli-test-'));
  cliPath = path.join(buildDir, 'web', 'cli.js');
  await build({
    ...webCliOptions,
    absWorkingDir: repoRoot,
    outfile: cliPath,
    bundle: true,
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
  });
  await mkdir(path.join(buildDir, 'renderer'));
  await writeFile(path.join(buildDir, 'renderer', 'index.html'), '<!doctype html><title>cli test</title>');
  dataRoot = await mkdtemp(path.join(os.tmpdir(), 'courier-cli-'));
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await rm(buildDir, { recursive: true, force: true });
  await rm(dataRoot, { recursive: true, force: true });
});

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function run(args: string[]): Run {
  const child = spawn(process.execPath, [cliPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, COURIER_DATA_DIR: '' } });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function waitForUrl(started: Run): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const match = /^COURIER_WEB_URL=(\S+)$/m.exec(started.stdout());
    if (match) return match[1]!;
    if (started.child.exitCode !== null) throw new Error(`cli exited: ${started.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('cli did not print its URL');
}

describe('web CLI', () => {
  it('prints its address, serves only under the secret path, refuses a second server on the folder, and stops cleanly', async () => {
    const dataDir = path.join(dataRoot, 'one');
    const first = run(['--data-dir', dataDir]);
    const url = await waitForUrl(first);

    const lines = first.stdout().trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Courier is running at http:\/\/127\.0\.0\.1:\d+\/s\/[A-Za-z0-9_-]{43}\/ \(data: .+\)$/);
    expect(lines[0]).toBe(`Courier is running at ${url} (data: ${dataDir})`);
    expect(lines[1]).toBe(`COURIER_WEB_URL=${url}`);

    const origin = new URL(url).origin;
    const root = await fetch(`${origin}/`, { redirect: 'manual' });
    expect(root.status).toBe(401);
    expect(await root.text()).toContain('open the URL printed by npm run web');
    const page = await fetch(url, { redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(page.headers.get('set-cookie')).toBeNull();
    expect(await page.text()).toContain('cli test');

    const second = run(['--data-dir', dataDir]);
    expect(await second.exited).toBe(1);
    expect(second.stdout()).toBe('');
    expect(second.stderr().trim().split('\n')).toHaveLength(1);
    expect(second.stderr()).toMatch(/^Courier: Another Courier \(web mode, pid \d+\) is already using the data folder /);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(await readdir(dataDir)).not.toContain('courier.lock');
  });

  it('takes a fixed port, and says so plainly when it is taken', async () => {
    const first = run(['--data-dir', path.join(dataRoot, 'two'), '--port', '0']);
    const port = new URL(await waitForUrl(first)).port;
    const clash = run(['--data-dir', path.join(dataRoot, 'three'), '--port', port]);
    expect(await clash.exited).toBe(1);
    expect(clash.stderr()).toContain(`port ${port} on 127.0.0.1 is already in use`);
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
  });

  it('refuses --host and unknown options with usage', async () => {
    const host = run(['--host', '0.0.0.0']);
    expect(await host.exited).toBe(2);
    expect(host.stderr()).toContain('127.0.0.1 only');
    expect(host.stderr()).toContain('Usage:');
  });
});
