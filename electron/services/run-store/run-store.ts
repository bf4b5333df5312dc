import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CourierError, runSummarySchema, type RunSummary } from '../../../shared/contract';
import { type RunResult } from '../../../shared/runner';

/** Postman keeps a collection's recent runs; 50 is enough to compare and small enough to list at once. */
export const KEPT_RUNS_PER_COLLECTION = 50;

type KeptRun = RunSummary & Pick<RunResult, 'requests'>;

const indexSchema = z.object({ version: z.literal(1), runs: z.array(runSummarySchema) });

/** Written aside and renamed into place, so a crash leaves the old file or the new one, never half of one. */
async function writeAtomic(file: string, text: string): Promise<void> {
  const staging = `${file}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  await writeFile(staging, text, { mode: 0o600 });
  await rename(staging, file);
}

/**
 * Finished runs on disk in the data folder: one file per run (its results can be thousands of rows) and an index
 * of summaries, so the list never reads the runs themselves. Callers hand in runs already masked: this store writes
 * what it is given.
 */
export function createRunStore({ dir }: { dir: string }) {
  const indexFile = path.join(dir, 'index.json');
  const runFile = (id: string) => path.join(dir, `${id}.json`);
  // one write at a time: two runs finishing together must not each prune from a stale index
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const readIndex = async (): Promise<RunSummary[]> => {
    try {
      const parsed = indexSchema.safeParse(JSON.parse(await readFile(indexFile, 'utf8')));
      // a damaged index loses the list, never the app; the next kept run starts a new one
      return parsed.success ? parsed.data.runs : [];
    } catch {
      return [];
    }
  };

  return {
    /** keeps a finished run and drops the oldest of its collection beyond 50; answers the kept run's summary */
    keep: (summary: RunSummary, requests: RunResult['requests']): Promise<RunSummary> =>
      serial(async () => {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        await writeAtomic(runFile(summary.id), JSON.stringify({ ...summary, requests }));
        const runs = [summary, ...(await readIndex()).filter((run) => run.id !== summary.id)];
        const sameCollection = runs.filter((run) => run.collection === summary.collection);
        const dropped = new Set(sameCollection.slice(KEPT_RUNS_PER_COLLECTION).map((run) => run.id));
        await writeAtomic(indexFile, JSON.stringify({ version: 1, runs: runs.filter((run) => !dropped.has(run.id)) }));
        for (const id of dropped) await rm(runFile(id), { force: true });
        return summary;
      }),
    /**
     * Carries the kept runs along when a collection or folder is renamed or moved: every path at or under `from`
     * now starts with `to`, and a run belongs to the collection its first path is in now, as it did when it was
     * kept. Without this a renamed collection showed no runs (they stayed listed under its old path). Answers how
     * many runs moved.
     */
    relocate: (from: string, to: string): Promise<number> =>
      serial(async () => {
        if (from === to) return 0;
        const moved = (rel: string) => (rel === from ? to : rel.startsWith(`${from}/`) ? to + rel.slice(from.length) : rel);
        let count = 0;
        const runs: RunSummary[] = [];
        for (const run of await readIndex()) {
          const paths = run.paths.map(moved);
          if (paths.every((rel, i) => rel === run.paths[i])) {
            runs.push(run);
            continue;
          }
          const relocated: RunSummary = { ...run, paths, collection: paths[0]!.split('/')[0]! };
          try {
            const kept = JSON.parse(await readFile(runFile(run.id), 'utf8')) as KeptRun;
            const requests = kept.requests.map((request) => ({ ...request, path: moved(request.path) }));
            await writeAtomic(runFile(run.id), JSON.stringify({ ...kept, ...relocated, requests }));
          } catch {
            // an unreadable run file: its summary still moves, and opening it says it is gone, as before
          }
          runs.push(relocated);
          count += 1;
        }
        if (count > 0) await writeAtomic(indexFile, JSON.stringify({ version: 1, runs }));
        return count;
      }),
    /** newest first */
    list: async (collection?: string): Promise<RunSummary[]> => {
      await queue;
      const runs = await readIndex();
      return collection === undefined ? runs : runs.filter((run) => run.collection === collection);
    },
    get: async (id: string): Promise<KeptRun> => {
      await queue;
      if (!(await readIndex()).some((run) => run.id === id))
        throw new CourierError('RUN_NOT_FOUND', 'That run is no longer kept (only the last 50 runs of each collection are).');
      return JSON.parse(await readFile(runFile(id), 'utf8')) as KeptRun;
    },
  };
}

export type RunStore = ReturnType<typeof createRunStore>;
