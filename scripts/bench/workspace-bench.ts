import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { httpRequestSpecSchema } from '../../shared/contract';
import { serializeContainer, serializeRequest } from '../../shared/workspace/files';
import { createWorkspaceService } from '../../electron/services/workspace';
import { startCourierWeb } from '../../e2e/support/courier-web';
import { launchChromium } from './browser';
import { median, round, type Metrics } from './report';

const COLLECTIONS = 20;
const FOLDERS = 10;
const PER_FOLDER = 50;
const TOTAL = COLLECTIONS * FOLDERS * PER_FOLDER;
const RUNS = 5;

/** 20 collections × 10 folders × 50 requests, written as Courier writes them. */
async function generate(dir: string): Promise<void> {
  const methods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];
  for (let c = 0; c < COLLECTIONS; c++) {
    const collection = path.join(dir, `service-${c}`);
    await mkdir(collection, { recursive: true });
    await writeFile(
      path.join(collection, 'collection.json'),
      serializeContainer({ settings: { name: `Service ${c}`, variables: [], headers: [], auth: { kind: 'none' } }, order: [] }).text,
    );
    for (let f = 0; f < FOLDERS; f++) {
      const folder = path.join(collection, `area-${f}`);
      await mkdir(folder);
      await writeFile(
        path.join(folder, 'folder.json'),
        serializeContainer({ settings: { name: `Area ${f}`, variables: [], headers: [], auth: { kind: 'none' } }, order: [] }).text,
      );
      await Promise.all(
        Array.from({ length: PER_FOLDER }, (_, r) => {
          const spec = httpRequestSpecSchema.parse({
            method: methods[r % methods.length],
            url: `https://api.example.com/v1/service-${c}/area-${f}/items/${r}?page=1`,
            headers: [{ name: 'Accept', value: 'application/json' }],
            body: r % 3 === 0 ? { kind: 'json', text: `{"id": ${r}, "name": "item ${r}"}` } : { kind: 'none' },
          });
          return writeFile(path.join(folder, `request-${r}.request.json`), serializeRequest(`Request ${r}`, spec).text);
        }),
      );
    }
  }
}

/** The floor: a bare recursive readdir + readFile + JSON.parse of the same files, nothing else. */
async function bareRead(dir: string): Promise<number> {
  let count = 0;
  const walk = async (at: string): Promise<void> => {
    const entries = await readdir(at, { withFileTypes: true });
    await Promise.all(
      entries.map(async (entry) => {
        const full = path.join(at, entry.name);
        if (entry.isDirectory()) await walk(full);
        else if (entry.name.endsWith('.request.json')) {
          JSON.parse(await readFile(full, 'utf8'));
          count += 1;
        }
      }),
    );
  };
  await walk(dir);
  return count;
}

async function timeIt(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

export async function benchWorkspace(): Promise<Metrics> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'courier-bench-ws-'));
  const workspace = path.join(scratch, 'workspace');
  try {
    await generate(workspace);
    const bare: number[] = [];
    const service: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      bare.push(await timeIt(() => bareRead(workspace)));
      const store = new Map<string, unknown>([['workspace.root', workspace]]);
      service.push(
        await timeIt(async () => {
          const ws = createWorkspaceService({
            defaultDir: path.join(scratch, 'default'),
            store: { get: (k) => store.get(k), set: (k, v) => void store.set(k, v) },
          });
          const tree = await ws.tree();
          if (tree.nodes.length !== TOTAL + COLLECTIONS * (FOLDERS + 1)) throw new Error(`tree has ${tree.nodes.length} rows`);
          await ws.close();
        }),
      );
    }

    // In the app: Open folder… → Open, timed in the page from the click to the first tree rows painted.
    const courier = await startCourierWeb({ dataDir: path.join(scratch, 'data') });
    const browser = await launchChromium();
    const ui: number[] = [];
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(courier.url);
      await page.getByRole('tree', { name: 'Collections' }).waitFor({ state: 'attached' });
      for (let i = 0; i < RUNS; i++) {
        await page.getByRole('button', { name: 'Open folder…' }).click();
        const dialog = page.getByRole('dialog', { name: 'Open workspace folder' });
        await dialog.getByRole('button', { name: 'Default workspace' }).click();
        await page.waitForFunction(() => document.querySelectorAll('.ws-row').length === 0);
        await page.getByRole('button', { name: 'Open folder…' }).click();
        await dialog.getByRole('textbox', { name: 'Folder path' }).fill(workspace);
        ui.push(
          await page.evaluate(
            () =>
              new Promise<number>((resolve, reject) => {
                const open = Array.from(document.querySelectorAll('dialog button')).find((b) => b.textContent?.trim() === 'Open') as HTMLElement | undefined;
                if (!open) return reject(new Error('no Open button'));
                const started = performance.now();
                const observer = new MutationObserver(() => {
                  if (document.querySelector('.ws-row')) {
                    observer.disconnect();
                    requestAnimationFrame(() => resolve(performance.now() - started));
                  }
                });
                observer.observe(document.body, { childList: true, subtree: true });
                setTimeout(() => reject(new Error('no rows after 30 s')), 30_000);
                open.click();
              }),
          ),
        );
      }
    } finally {
      await browser.close();
      await courier.stop();
    }
    return {
      workspace_open_10k_ms: {
        value: round(median(ui), 0),
        unit: 'ms',
        baseline: round(median(bare), 0),
        ratio: round(median(ui) / median(bare), 2),
        target: '≤ 1,000 ms',
        how: `web mode in Chromium: Open folder… on ${TOTAL.toLocaleString('en-US')} request files (${COLLECTIONS} collections × ${FOLDERS} folders) → first tree rows painted, median of ${RUNS} (max ${round(Math.max(...ui), 0)} ms); baseline: bare recursive readdir + readFile + JSON.parse of the same files`,
      },
      workspace_service_open_10k_ms: {
        value: round(median(service), 0),
        unit: 'ms',
        baseline: round(median(bare), 0),
        ratio: round(median(service) / median(bare), 2),
        target: '—',
        how: `a new workspace service reading and validating every file until its tree is ready, median of ${RUNS}`,
      },
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
