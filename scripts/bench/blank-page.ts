import { createServer } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';

export interface BlankPage {
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

/**
 * scripts/bench/blank-page built by the project's own vite.config.ts into a temporary folder and served from
 * loopback, so its cold load is measured exactly as Courier's is (same bundler settings, same browser, same run).
 */
export async function startBlankPage(root: string): Promise<BlankPage> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'courier-blank-page-'));
  await build({
    configFile: path.join(root, 'vite.config.ts'),
    root: path.join(root, 'scripts/bench/blank-page'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    const file = path.join(outDir, pathname === '/' ? 'index.html' : path.normalize(pathname));
    if (!file.startsWith(outDir)) {
      res.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
