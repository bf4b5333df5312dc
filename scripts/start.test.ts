import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

function electronBinaryPresent(): boolean {
  const packageDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  return existsSync(pathFile) && existsSync(path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim()));
}

describe('npm start where Electron cannot be had', () => {
  // Where a binary exists, `npm start` would open the desktop app; this case is about machines without one.
  it.skipIf(electronBinaryPresent())(
    'says so in exactly one line, names npm run web, and shows no stack trace',
    () => {
      const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
        cwd: root,
        encoding: 'utf8',
        timeout: 120_000,
        // No proxy or mirror can rescue the download in this test: the point is the message when it fails.
        env: { ...process.env, ELECTRON_GET_USE_PROXY: '', ELECTRON_MIRROR: 'http://127.0.0.1:9/' },
      });
      const output = `${run.stdout}${run.stderr}`.trim();
      expect(run.status).toBe(1);
      expect(output.split('\n')).toHaveLength(1);
      expect(output).toContain('npm run web');
      expect(output).toMatch(/Electron/);
      expect(output).not.toMatch(/\bat .+:\d+:\d+/);
    },
    130_000,
  );
});
