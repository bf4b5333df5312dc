import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, events, methods, type MethodName, type RunnerEvents, type RunStreamEvent, type VariablesState } from '../../shared/contract';
import { scanForSecret, startHttpServer, type TestServer } from '../test-support';
import { createCourier, type Courier } from './create-courier';

// runner.* as a window uses it: started through the contract, progress as batched 'runner.events', runs kept on disk.
const CANARY = 'canary-runner-7f3a9c';
let server: TestServer;
const received: string[] = [];
beforeAll(async () => {
  server = await startHttpServer((req, res) => {
    const url = req.url ?? '';
    received.push(url);
    if (url.startsWith('/slow')) setTimeout(() => res.end('late'), 5000);
    else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ url }));
  });
});
afterAll(() => server.close());

let dataDir: string;
let courier: Courier;
let batches: RunnerEvents[];
const call = async <T = Record<string, unknown>>(method: MethodName, input: unknown): Promise<T> => {
  const result = await dispatch(courier.handlers, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  // outputs must pass their schema as a host would send them
  return methods[method].output.parse(result.value) as T;
};

beforeEach(async () => {
  batches = [];
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'courier-runner-ui-'));
  courier = createCourier({
    dataDir,
    mode: 'web',
    version: '0',
    openExternal: () => false,
    scrypt: { N: 1024, r: 8, p: 1 },
    onInternalError: (e) => console.error(e),
  });
  courier.onEvent((name, payload) => {
    if (name === 'runner.events') batches.push(events['runner.events'].parse(payload));
  });
});
afterEach(async () => {
  await courier.close();
  await rm(dataDir, { recursive: true, force: true });
});

const streamed = (runId: string): RunStreamEvent[] => batches.filter((batch) => batch.runId === runId).flatMap((batch) => batch.events);
async function finished(runId: string): Promise<RunStreamEvent[]> {
  for (let waited = 0; waited < 20_000; waited += 20) {
    if (streamed(runId).some((event) => event.type === 'run-finished' || event.type === 'run-failed')) return streamed(runId);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the run did not finish');
}

/** API → Checks → [ok (passes), bad (fails)]; the folder's path */
async function folder(count = 1): Promise<string> {
  const api = (await call<{ path: string }>('workspace.createContainer', { parent: null, name: 'API' })).path;
  const checks = (await call<{ path: string }>('workspace.createContainer', { parent: api, name: 'Checks' })).path;
  for (let n = 0; n < count; n += 1) {
    await call('workspace.createRequest', {
      parent: checks,
      name: `ok ${n}`,
      request: { method: 'GET', url: `${server.origin}/ok/${n}`, tests: { assertions: [{ target: 'status', operator: 'equals', expected: '200' }] } },
    });
  }
  await call('workspace.createRequest', {
    parent: checks,
    name: 'bad',
    request: {
      method: 'GET',
      url: `${server.origin}/bad?key={{token}}`,
      tests: { assertions: [{ target: 'jsonPath', property: '$.url', operator: 'equals', expected: 'nope' }] },
      scripts: { postResponse: "console.log('token is ' + pm.environment.get('token'))" },
    },
  });
  return checks;
}

describe('runner.* through the contract', () => {
  it('streams a run in batches, keeps it, lists, gets and exports it', async () => {
    const checks = await folder(40);
    const { runId } = await call<{ runId: string }>('runner.start', { paths: [checks], iterations: 2 });
    const seen = await finished(runId);
    const results = seen.filter((event) => event.type === 'request-finished');
    expect(results).toHaveLength(82);
    // 82 results, starts and iteration marks, in far fewer messages than events
    expect(batches.length).toBeLessThan(seen.length / 2);
    const end = seen.at(-1);
    expect(end).toMatchObject({ type: 'run-finished', summary: { id: runId, collection: 'api', name: 'Checks', totals: { requests: 82, failedRequests: 2 } } });
    const bad = results.map((event) => event.type === 'request-finished' && event.result).find((result) => result && result.name === 'bad');
    expect(bad).toMatchObject({ status: 200, tests: [{ outcome: 'failed' }] });
    expect(bad && bad.historyId).toBeGreaterThan(0);
    expect(bad && bad.console?.[0]?.text).toMatch(/^token is/);

    const { runs } = await call<{ runs: { id: string }[] }>('runner.list', { collection: 'api' });
    expect(runs.map((run) => run.id)).toEqual([runId]);
    const kept = await call<{ requests: unknown[] }>('runner.get', { runId });
    expect(kept.requests).toHaveLength(82);
    // compared with itself: a row per request and iteration, nothing changed
    const compared = await call<{ rows: { change: string }[] }>('runner.compare', { before: runId, after: runId });
    expect(compared.rows).toHaveLength(82);
    expect(new Set(compared.rows.map((row) => row.change))).toEqual(new Set(['same']));
    const junit = await call<{ text: string; name: string }>('runner.export', { runId, format: 'junit' });
    expect(junit.name).toBe('Checks.junit.xml');
    expect(junit.text).toContain('<testsuites');
    expect(junit.text).toContain('<failure');
    expect((await call<{ text: string }>('runner.export', { runId, format: 'html' })).text).toContain('<html');
  });

  it('kept runs follow their collection when it is renamed, and a folder moved to another collection', async () => {
    const checks = await folder();
    const collectionRun = (await call<{ runId: string }>('runner.start', { paths: ['api'] })).runId;
    await finished(collectionRun);
    const folderRun = (await call<{ runId: string }>('runner.start', { paths: [checks] })).runId;
    await finished(folderRun);
    expect((await call<{ runs: unknown[] }>('runner.list', { collection: 'api' })).runs).toHaveLength(2);

    const renamed = (await call<{ path: string }>('workspace.rename', { path: 'api', name: 'Public API' })).path;
    expect(renamed).not.toBe('api');
    expect((await call<{ runs: unknown[] }>('runner.list', { collection: 'api' })).runs).toEqual([]);
    const listed = (await call<{ runs: { id: string; collection: string; paths: string[] }[] }>('runner.list', { collection: renamed })).runs;
    expect(listed.map((run) => run.id)).toEqual([folderRun, collectionRun]);
    expect(listed[0]!.paths).toEqual([`${renamed}/${checks.split('/').slice(1).join('/')}`]);
    const kept = await call<{ collection: string; paths: string[]; requests: { path: string }[] }>('runner.get', { runId: collectionRun });
    expect(kept).toMatchObject({ collection: renamed, paths: [renamed] });
    expect(kept.requests.length).toBeGreaterThan(0);
    for (const request of kept.requests) expect(request.path.startsWith(`${renamed}/`)).toBe(true);

    // a folder run belongs to the collection its folder is in now
    const other = (await call<{ path: string }>('workspace.createContainer', { parent: null, name: 'Other' })).path;
    const movedChecks = (
      await call<{ path: string }>('workspace.move', { path: `${renamed}/${checks.split('/').slice(1).join('/')}`, parent: other, index: 0 })
    ).path;
    expect((await call<{ runs: { id: string }[] }>('runner.list', { collection: renamed })).runs.map((run) => run.id)).toEqual([collectionRun]);
    const moved = (await call<{ runs: { id: string; paths: string[] }[] }>('runner.list', { collection: other })).runs;
    expect(moved).toMatchObject([{ id: folderRun, paths: [movedChecks] }]);
    // Run again finds what the run ran
    const again = (await call<{ runId: string }>('runner.start', { paths: moved[0]!.paths })).runId;
    expect((await finished(again)).at(-1)).toMatchObject({ type: 'run-finished' });
  });

  it("runs some of a folder's requests under the name it is given, and keeps what ran for Run again", async () => {
    const checks = await folder(2);
    const { runId } = await call<{ runId: string }>('runner.start', { paths: [`${checks}/bad.request.json`, `${checks}/ok-0.request.json`], name: 'Checks' });
    const seen = await finished(runId);
    const ran = seen.flatMap((event) => (event.type === 'request-finished' ? [event.result.name] : []));
    expect(ran).toEqual(['ok 0', 'bad']);
    expect(seen.at(-1)).toMatchObject({
      type: 'run-finished',
      summary: { name: 'Checks', paths: [`${checks}/bad.request.json`, `${checks}/ok-0.request.json`] },
    });
  });

  it('refuses a bad data file or an unknown path at once, and cancels a run in flight (kept as cancelled)', async () => {
    const checks = await folder();
    await expect(call('runner.start', { paths: [checks], data: { text: '[1, 2', name: 'rows.json' } })).rejects.toThrow(/Data file/);
    await expect(call('runner.start', { paths: ['API/nope'] })).rejects.toThrow(/runner.start/);
    await call('workspace.createRequest', { parent: checks, name: 'zz slow', request: { method: 'GET', url: `${server.origin}/slow` } });
    const { runId } = await call<{ runId: string }>('runner.start', { paths: [checks] });
    for (let waited = 0; !streamed(runId).some((event) => event.type === 'request-started' && event.name === 'zz slow'); waited += 20) {
      if (waited > 10_000) throw new Error('slow never started');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await call('runner.cancel', { runId })).toEqual({ cancelled: true });
    const end = (await finished(runId)).at(-1);
    expect(end).toMatchObject({ type: 'run-finished', summary: { cancelled: true } });
    expect(await call('runner.cancel', { runId })).toEqual({ cancelled: false });
  });

  it('never writes a secret: the run environment’s secret in URLs, messages and console output is masked in the kept run', async () => {
    await call('vault.unlock', { passphrase: 'correct horse battery staple' });
    const state = await call<VariablesState>('environments.create', { name: 'Secret env' });
    const envId = state.environments[0]!.id;
    await call('variables.saveScope', { scopeId: envId, variables: [{ name: 'token', value: CANARY, secret: true }] });
    const checks = await folder();
    const { runId } = await call<{ runId: string }>('runner.start', { paths: [checks], environment: 'Secret env' });
    const seen = await finished(runId);
    const bad = seen.find((event) => event.type === 'request-finished' && event.result.name === 'bad');
    // the secret was really sent (the server echoed it into the failing assertion's actual value) …
    expect(received.some((url) => url.includes(CANARY))).toBe(true);
    expect(bad && bad.type === 'request-finished' && bad.result.tests[0]!.outcome).toBe('failed');
    // … and shows nowhere: not in the stream, not in any export, not on disk
    expect(JSON.stringify(batches)).not.toContain(CANARY);
    for (const format of ['json', 'junit', 'html'] as const)
      expect((await call<{ text: string }>('runner.export', { runId, format })).text).not.toContain(CANARY);
    await courier.close();
    const { hits, filesScanned } = await scanForSecret([dataDir], CANARY);
    expect(filesScanned).toBeGreaterThan(2);
    expect(hits).toEqual([]);
  });
});
