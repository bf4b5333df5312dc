import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanForSecret, startHttpServer, type TestServer } from '../test-support';
import { spoolRoot } from './spool-dir';
import { buildSpoolWorker } from '../../scripts/node-worker-build.mjs';

/**
 * A response body above the spool threshold that echoes a secret, in a Courier killed with SIGKILL (no
 * close, no cleanup): nothing under the data folder may hold the secret in any form. The spool file is there, but
 * encrypted with a key that died with the process.
 */
const CANARY = 'Kq9!canary s3cr3t+/=zZ';
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
// inside the project (gitignored) so the bundle finds node_modules (better-sqlite3 stays external: it is native)
const bundleDir = path.join(projectRoot, 'test-results', 'spool-crash');
const bundle = path.join(bundleDir, `child-${process.pid}.mjs`);

let server: TestServer;
beforeAll(async () => {
  // 6 MiB with the secret, as the server received it, at the start, in the middle and at the end
  server = await startHttpServer((req, res) => {
    const query = decodeURIComponent((req.url ?? '').split('key=')[1] ?? '');
    const filler = 'x'.repeat(3 * 1024 * 1024);
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end(`${query}\n${filler}${query}${filler}\n${query}`);
  });
  await mkdir(bundleDir, { recursive: true });
  await build({
    entryPoints: [path.join(projectRoot, 'electron/test-support/spool-crash-child.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
  // found beside the bundle, as the hosts find theirs
  await buildSpoolWorker(projectRoot, bundleDir);
}, 60_000);
afterAll(async () => {
  await server.close();
  await rm(bundle, { force: true });
});

describe('spool after a crash', () => {
  it('leaves no readable trace of a spooled body that echoed a secret after kill -9', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-crash-data-'));
    const child = spawn(process.execPath, [bundle, dataDir, `${server.origin}/echo?key={{apiKey}}`, CANARY], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      const body = await new Promise<{ spooled: boolean; containsSecret?: boolean; size: number }>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the child did not answer:\n${output}`)), 30_000);
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /BODY (\{.*\})\n/.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(JSON.parse(match[1]));
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) => reject(new Error(`the child exited (${code}):\n${output}`)));
      });
      expect(body).toMatchObject({ spooled: true, containsSecret: true });
      expect(body.size).toBeGreaterThan(5 * 1024 * 1024);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;

      // the spool file outlived the process (so the scan below looks at it)...
      const runs = await readdir(spoolRoot(dataDir));
      expect(runs.length).toBe(1);
      expect((await readdir(path.join(spoolRoot(dataDir), runs[0] as string))).length).toBeGreaterThan(0);
      // ...and neither it nor anything else under the data folder holds the secret
      const { hits, filesScanned } = await scanForSecret([dataDir], CANARY);
      expect(filesScanned).toBeGreaterThan(0);
      expect(hits).toEqual([]);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
