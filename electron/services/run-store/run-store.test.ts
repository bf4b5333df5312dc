import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunSummary } from '../../../shared/contract';
import { totalsOf, type RequestRun } from '../../../shared/runner';
import { createRunStore, KEPT_RUNS_PER_COLLECTION } from './run-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'courier-runs-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const request: RequestRun = {
  iteration: 1,
  path: 'API/a.request.json',
  name: 'A',
  folder: 'API',
  method: 'GET',
  url: 'http://x/a',
  status: 200,
  statusText: 'OK',
  timeMs: 3,
  tests: [],
  error: null,
  retried: false,
  skipped: null,
};
const summary = (id: string, collection: string, startedAt: number): RunSummary => ({
  id,
  collection,
  paths: [collection],
  name: collection,
  environment: null,
  iterations: 1,
  startedAt,
  finishedAt: startedAt + 1,
  totals: totalsOf([request]),
  cancelled: false,
  bailed: false,
});

describe('the run store', () => {
  it('lists runs kept before cancelled requests were counted, with none cancelled', async () => {
    const runs = path.join(dir, 'runs');
    const store = createRunStore({ dir: runs });
    await store.keep(summary('old', 'API', 1), [request]);
    const { cancelledRequests: _dropped, ...oldTotals } = summary('old', 'API', 1).totals;
    await writeFile(path.join(runs, 'index.json'), JSON.stringify({ version: 1, runs: [{ ...summary('old', 'API', 1), totals: oldTotals }] }));
    const [listed] = await store.list('API');
    expect(listed?.totals).toMatchObject({ requests: 1, failedRequests: 0, cancelledRequests: 0 });
  });

  it('keeps the last 50 runs of each collection, newest first, and deletes the files of the dropped ones', async () => {
    const store = createRunStore({ dir: path.join(dir, 'runs') });
    for (let n = 0; n < KEPT_RUNS_PER_COLLECTION + 3; n += 1) await store.keep(summary(`api-${n}`, 'API', n), [request]);
    await store.keep(summary('other-0', 'Other', 0), [request]);
    const api = await store.list('API');
    expect(api).toHaveLength(50);
    expect(api[0]!.id).toBe('api-52');
    expect(api.at(-1)!.id).toBe('api-3');
    expect(await store.list('Other')).toHaveLength(1);
    expect(await store.list()).toHaveLength(51);
    const files = await readdir(path.join(dir, 'runs'));
    expect(files.filter((file) => file.startsWith('api-'))).toHaveLength(50);
    expect(files).not.toContain('api-0.json');
    expect((await store.get('api-52')).requests).toEqual([request]);
    await expect(store.get('api-0')).rejects.toMatchObject({ code: 'RUN_NOT_FOUND' });
  });

  it('two runs kept at once both stay listed', async () => {
    const store = createRunStore({ dir: path.join(dir, 'runs') });
    await Promise.all([store.keep(summary('a', 'API', 1), [request]), store.keep(summary('b', 'API', 2), [request])]);
    expect((await store.list('API')).map((run) => run.id).sort()).toEqual(['a', 'b']);
  });

  it('relocates the runs at or under a renamed path, in the index and in each run file, and leaves the rest', async () => {
    const store = createRunStore({ dir: path.join(dir, 'runs') });
    await store.keep(summary('whole', 'API', 1), [request]);
    await store.keep({ ...summary('folder', 'API', 2), paths: ['API/Users'] }, [{ ...request, path: 'API/Users/b.request.json' }]);
    await store.keep({ ...summary('lookalike', 'APIs', 3) }, [{ ...request, path: 'APIs/a.request.json' }]);
    expect(await store.relocate('API', 'Public')).toBe(2);
    expect((await store.list('API')).map((run) => run.id)).toEqual([]);
    expect((await store.list('Public')).map((run) => run.id)).toEqual(['folder', 'whole']);
    expect(await store.get('folder')).toMatchObject({ collection: 'Public', paths: ['Public/Users'], requests: [{ path: 'Public/Users/b.request.json' }] });
    expect(await store.get('lookalike')).toMatchObject({ collection: 'APIs', paths: ['APIs'], requests: [{ path: 'APIs/a.request.json' }] });
    // a folder moved to another collection takes its runs there
    expect(await store.relocate('Public/Users', 'Other/Users')).toBe(1);
    expect((await store.list('Other')).map((run) => run.id)).toEqual(['folder']);
    expect(await store.relocate('Nowhere', 'Else')).toBe(0);
  });

  it('a damaged index loses the list, not the app', async () => {
    const store = createRunStore({ dir });
    await writeFile(path.join(dir, 'index.json'), '{ not json');
    expect(await store.list()).toEqual([]);
    await store.keep(summary('a', 'API', 1), [request]);
    expect(await store.list()).toHaveLength(1);
  });
});
