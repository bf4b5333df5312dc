import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEntryOptions, cliRunCommandOptions } from '../../../scripts/cli-build.mjs';
import { buildSandboxWorker } from '../../../scripts/sandbox-worker-build.mjs';
import { buildSpoolWorker } from '../../../scripts/node-worker-build.mjs';
import { dispatch } from '../../../shared/contract';
import { junitSchemaProblems } from '../../../shared/runner';
import { createCourier } from '../../core';
import { SHORT_RUN_MAX_BYTES } from './wasm-tier';
import { closedPort, scanForSecret, startHttpServer, type TestServer } from '../../test-support';

// The built CLI as a child process, as CI runs it, against fixture collections and a real local server. The bundle
// is built here with the same esbuild options as scripts/build.mjs (a few seconds, into its own folder), so the test
// does not depend on a previous `npm run build`.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bundleDir = path.join(root, 'dist', `test-cli-${process.pid}`);
const cli = path.join(bundleDir, 'courier.js');

let server: TestServer;
/** the inputs of run-command.cjs, as esbuild reports them */
let bundled: string[] = [];
const received: { url: string; headers: Record<string, string | string[] | undefined> }[] = [];
let limited = 0;
let tmp: string;
/** called when a request reaches /hang, so a test knows the request is in flight */
let onHang: (() => void) | null = null;

beforeAll(async () => {
  // the options scripts/build.mjs builds them with
  const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', absWorkingDir: root } as const;
  await build({ ...common, ...cliEntryOptions, outfile: cli });
  const runBundle = await build({ ...common, ...cliRunCommandOptions, metafile: true, outfile: path.join(bundleDir, 'run-command.cjs') });
  bundled = Object.keys(runBundle.metafile.inputs);
  // beside the bundle, as scripts/build.mjs puts it: without it every script fails to start
  await buildSandboxWorker(root, bundleDir);
  // and the spool thread's, without which a body over the spool threshold fails
  await buildSpoolWorker(root, bundleDir);
  tmp = await mkdtemp(path.join(os.tmpdir(), 'courier-cli-test-'));
  server = await startHttpServer((req, res) => {
    received.push({ url: req.url ?? '', headers: req.headers });
    if (req.url?.startsWith('/hang')) {
      onHang?.(); // never answers: only a cancel ends the request
      return;
    }
    // a login that answers with a session cookie, as a real API does
    if (req.url?.startsWith('/login')) {
      res.writeHead(200, { 'Set-Cookie': 'session=cli-jar-cookie-4Tq; Path=/; HttpOnly' }).end('{}');
      return;
    }
    if (req.url?.startsWith('/big')) {
      // over the body store's 5 MiB threshold: spooled to disk through the spool thread's worker
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('x'.repeat(6 * 1024 * 1024));
      return;
    }
    if (req.url?.startsWith('/limited') && limited++ === 0) {
      res.writeHead(429, { 'Retry-After': '1' }).end();
      return;
    }
    // echoes what it got, secrets included: the reports must still not show them; args as httpbin's /get has them
    const args = Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams);
    res
      .writeHead(200, { 'Content-Type': 'application/json', 'X-Echo': `${req.url} ${String(req.headers['x-api-key'] ?? '')}` })
      .end(JSON.stringify({ url: req.url, args, headers: req.headers }));
  });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await rm(tmp, { recursive: true, force: true });
  await rm(bundleDir, { recursive: true, force: true });
});

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function courierRun(args: string[], env: Record<string, string> = {}, onSpawn?: (child: ChildProcess) => void, nodeArgs: string[] = []): Promise<Ran> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    // async, not spawnSync: the server answering the CLI lives in this process
    const child = spawn(process.execPath, [...nodeArgs, cli, ...args], { cwd: tmp, env: { PATH: process.env.PATH ?? '', HOME: tmp, ...env } });
    onSpawn?.(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

/** A Courier workspace folder written as a user's git checkout would hold it. */
async function workspace(name: string, requests: { file: string; name: string; url: string; headers?: { name: string; value: string }[] }[]): Promise<string> {
  const dir = path.join(tmp, name);
  await mkdir(path.join(dir, 'api'), { recursive: true });
  await writeFile(path.join(dir, 'courier-workspace.json'), JSON.stringify({ format: 1, name, order: ['api'] }));
  await writeFile(
    path.join(dir, 'api', 'collection.json'),
    JSON.stringify({ name: 'API', order: requests.map((request) => request.file), variables: [{ name: 'base', value: server.origin }] }),
  );
  for (const request of requests) {
    await writeFile(
      path.join(dir, 'api', request.file),
      JSON.stringify({ name: request.name, method: 'GET', url: request.url, ...(request.headers ? { headers: request.headers } : {}) }),
    );
  }
  return dir;
}

async function filesIn(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}

describe('courier run', () => {
  it('runs a workspace folder: exit 0, a line per request, plain output off a terminal, and the report files', async () => {
    const dir = await workspace('ok', [
      { file: 'one.request.json', name: 'One', url: '{{base}}/one?who={{who}}' },
      { file: 'two.request.json', name: 'Two', url: '{{base}}/two' },
    ]);
    const out = path.join(tmp, 'ok-reports');
    const ran = await courierRun(['run', dir, '--var', 'who=cli', '--reporter', 'cli,json,junit,html', '--out', out]);
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/✓ GET +One {2}200 OK/);
    expect(ran.stdout).toMatch(/│ requests +│ +2 │ +0 │/);
    expect(ran.stdout).toContain('All passed.');
    // no colours, no spinner frames when stdout is a pipe (CI)
    expect(ran.stdout).not.toContain('\u001b[');
    expect(received.some((request) => request.url === '/one?who=cli')).toBe(true);
    expect(await filesIn(out)).toEqual(['courier-run.html', 'courier-run.json', 'courier-run.junit.xml']);
    const json = JSON.parse(await readFile(path.join(out, 'courier-run.json'), 'utf8')) as { totals: { requests: number; failedRequests: number } };
    expect(json.totals).toMatchObject({ requests: 2, failedRequests: 0 });
    const junit = new new Window().DOMParser().parseFromString(await readFile(path.join(out, 'courier-run.junit.xml'), 'utf8'), 'application/xml');
    expect(junit.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(junitSchemaProblems(junit.documentElement)).toEqual([]);
    expect(junit.documentElement.getAttribute('tests')).toBe('2');
    expect(await readFile(path.join(out, 'courier-run.html'), 'utf8')).toContain('<h1>API</h1>');
  });

  it('receives a body too large to keep in memory: spooled through the spool worker beside the bundle', async () => {
    const dir = await workspace('big', [{ file: 'big.request.json', name: 'Big', url: '{{base}}/big' }]);
    const ran = await courierRun(['run', dir]);
    expect(ran.stderr).toBe('');
    expect(ran.stdout).toMatch(/✓ GET +Big {2}200 OK/);
    expect(ran.code).toBe(0);
  });

  it('exits 1 when a request fails, and stops there with --bail', async () => {
    const dead = `http://127.0.0.1:${await closedPort()}`;
    const dir = await workspace('failing', [
      { file: 'a.request.json', name: 'Dead', url: `${dead}/x` },
      { file: 'b.request.json', name: 'After', url: '{{base}}/after' },
    ]);
    const ran = await courierRun(['run', path.join(dir, 'api'), '--bail', '--reporter', 'cli,junit', '--out', path.join(tmp, 'failing-reports')]);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toMatch(/✗ GET +Dead/);
    expect(ran.stdout).not.toContain('After');
    expect(ran.stdout).toContain('stopped at the first failure (--bail)');
    const junit = await readFile(path.join(tmp, 'failing-reports', 'courier-run.junit.xml'), 'utf8');
    expect(junit).toContain('errors="1"');
  });

  it('exits 2 on a usage or input error, saying what and where', async () => {
    const dir = await workspace('usage', [{ file: 'a.request.json', name: 'A', url: '{{base}}/a' }]);
    await writeFile(path.join(tmp, 'bad.csv'), 'id,name\n1,ok\n2,too,many\n');
    const cases: [string[], RegExp][] = [
      [['run'], /needs a workspace folder/],
      [['run', dir, '--iterations', 'zero'], /--iterations needs a whole number/],
      [['run', dir, '--reporter', 'xml'], /--reporter "xml" is not one of cli, json, junit, html/],
      [['run', path.join(tmp, 'missing')], /missing does not exist/],
      [['run', dir, '--env', 'Staging'], /--env "Staging": no such environment/],
      [['run', dir, '--data', path.join(tmp, 'bad.csv')], /--data .*bad\.csv: line 3/],
      [['run', dir, '--folder', 'Nope'], /--folder "Nope": no such folder/],
      [['run', dir, '--secret-from-env', 'token=NOT_SET_ANYWHERE'], /the environment variable NOT_SET_ANYWHERE is not set/],
      [['fly'], /unknown command "fly"/],
    ];
    for (const [args, message] of cases) {
      const ran = await courierRun(args);
      expect({ args, code: ran.code }).toEqual({ args, code: 2 });
      expect(ran.stderr).toMatch(message);
    }
  }, 120_000);

  it('runs a Postman v2.1 file with a data file, and a --secret-from-env canary reaches the server but no output', async () => {
    const canary = 'cAnArY-from-env-7Xq93';
    const collection = {
      info: { name: 'Postman Demo', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      variable: [{ key: 'base', value: server.origin }],
      auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{token}}', type: 'string' }] },
      item: [
        { name: 'Echo', request: { method: 'GET', url: '{{base}}/echo/{{user}}?token={{token}}', header: [{ key: 'X-Api-Key', value: '{{token}}' }] } },
        { name: 'Limited', request: { method: 'GET', url: '{{base}}/limited' } },
      ],
    };
    const file = path.join(tmp, 'demo.postman_collection.json');
    await writeFile(file, JSON.stringify(collection));
    await writeFile(path.join(tmp, 'users.json'), JSON.stringify([{ user: 'ann' }, { user: 'ben' }]));
    const out = path.join(tmp, 'pm-reports');
    limited = 0;
    received.length = 0;
    const ran = await courierRun(
      ['run', file, '--data', path.join(tmp, 'users.json'), '--secret-from-env', `token=CI_TOKEN`, '--reporter', 'cli,json,junit,html', '--out', out],
      { CI_TOKEN: canary },
    );
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    // sent for real, each iteration with its row, and the 429 waited out once
    expect(received.filter((request) => request.url.startsWith('/echo/')).map((request) => request.url.split('?')[0])).toEqual(['/echo/ann', '/echo/ben']);
    expect(received[0]!.headers['x-api-key']).toBe(canary);
    expect(received[0]!.headers.authorization).toBe(`Bearer ${canary}`);
    expect(ran.stdout).toContain('rate limited (Retry-After), waiting 1 s before retrying once');
    expect(ran.stdout).toContain('(retried after a rate limit)');
    expect(ran.stdout).not.toContain(canary);
    expect((await scanForSecret([out], canary)).hits).toEqual([]);
    expect(await readFile(path.join(out, 'courier-run.json'), 'utf8')).toContain('token=••••••');
  });

  it("runs a Postman file's pm.test scripts in the sandbox: passes and failures counted, exit 1 on a failure", async () => {
    const tests = (expected: number) => [
      "pm.test('status is 200', () => pm.response.to.have.status(200));",
      `pm.test('url echoed', () => pm.expect(pm.response.json().url).to.equal('/scripted/${expected}'));`,
      "console.log('seen', pm.response.code);",
    ];
    const collection = {
      info: { name: 'Scripted', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      variable: [{ key: 'base', value: server.origin }],
      item: [
        {
          name: 'Good',
          request: { method: 'GET', url: '{{base}}/scripted/1' },
          event: [{ listen: 'test', script: { type: 'text/javascript', exec: tests(1) } }],
        },
        {
          name: 'Bad',
          request: { method: 'GET', url: '{{base}}/scripted/2' },
          event: [{ listen: 'test', script: { type: 'text/javascript', exec: tests(3) } }],
        },
      ],
    };
    const file = path.join(tmp, 'scripted.postman_collection.json');
    await writeFile(file, JSON.stringify(collection));
    const out = path.join(tmp, 'scripted-reports');
    const ran = await courierRun(['run', file, '--reporter', 'cli,json', '--out', out]);
    expect(ran.stderr).toBe('');
    expect(ran.stdout).not.toMatch(/could not run|did not start/);
    expect(ran.code).toBe(1);
    const report = JSON.parse(await readFile(path.join(out, 'courier-run.json'), 'utf8')) as {
      requests: { name: string; tests: { name: string; outcome: string }[] }[];
    };
    const outcome = report.requests.map((request) => [request.name, request.tests.map((test) => `${test.name}:${test.outcome}`)]);
    expect(outcome).toEqual([
      ['Good', ['status is 200:passed', 'url echoed:passed']],
      ['Bad', ['status is 200:passed', 'url echoed:failed']],
    ]);
  }, 60_000);

  it('runs a Postman v2.0 file written in the legacy script style (tests[…] = …, responseCode, postman.*) as newman does', async () => {
    // the shape of the collections Postman published before pm.* (newman's own sample among them): v2.0 schema,
    // plain string URLs, tests as assignments, variables set through postman.setEnvironmentVariable
    const collection = {
      info: { name: 'Legacy', schema: 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json' },
      item: [
        {
          name: 'A simple GET request',
          event: [
            {
              listen: 'test',
              script: {
                type: 'text/javascript',
                exec: [
                  "tests['response code is 200'] = (responseCode.code === 200);",
                  'var body = JSON.parse(responseBody);',
                  "tests['source echoed'] = body.args.source === 'legacy-sample';",
                  "postman.setEnvironmentVariable('seen', body.args.source);",
                ],
              },
            },
          ],
          request: { url: `${server.origin}/get?source=legacy-sample`, method: 'GET' },
        },
        {
          name: 'A simple POST request',
          event: [
            {
              listen: 'test',
              script: {
                type: 'text/javascript',
                exec: ["tests['chained'] = JSON.parse(responseBody).args.from === 'legacy-sample';", "tests['fails'] = responseCode.code === 201;"],
              },
            },
          ],
          request: {
            url: `${server.origin}/post?from={{seen}}`,
            method: 'POST',
            header: [{ key: 'Content-Type', value: 'text/plain' }],
            body: { mode: 'raw', raw: 'Duis posuere augue vel cursus pharetra.' },
          },
        },
      ],
    };
    const file = path.join(tmp, 'legacy.postman_collection.json');
    await writeFile(file, JSON.stringify(collection));
    const out = path.join(tmp, 'legacy-reports');
    const ran = await courierRun(['run', file, '--reporter', 'cli,json', '--out', out]);
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(1);
    const report = JSON.parse(await readFile(path.join(out, 'courier-run.json'), 'utf8')) as {
      requests: { name: string; tests: { name: string; outcome: string }[] }[];
    };
    expect(report.requests.map((request) => [request.name, request.tests.map((test) => `${test.name}:${test.outcome}`)])).toEqual([
      ['A simple GET request', ['response code is 200:passed', 'source echoed:passed']],
      ['A simple POST request', ['chained:passed', 'fails:failed']],
    ]);
  }, 60_000);

  it("gives a Postman file's scripts the --data row: pm.iterationData and pm.variables, pre-request and post-response", async () => {
    const collection = {
      info: { name: 'Data driven', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      variable: [{ key: 'base', value: server.origin }],
      item: [
        {
          name: 'Row',
          request: { method: 'GET', url: '{{base}}/rows?row={{q}}&pre={{pre}}' },
          event: [
            {
              listen: 'prerequest',
              script: { type: 'text/javascript', exec: ['pm.variables.set("pre", pm.iterationData.get("q") + "-" + pm.variables.get("q"));'] },
            },
            {
              listen: 'test',
              script: {
                type: 'text/javascript',
                exec: [
                  "pm.test('iterationData', () => pm.expect(pm.response.json().args.row).to.eql(pm.iterationData.get('q')));",
                  "pm.test('variables', () => pm.expect(pm.response.json().args.row).to.eql(pm.variables.get('q')));",
                  "pm.test('pre-request', () => pm.expect(pm.response.json().args.pre).to.eql(pm.iterationData.get('q') + '-' + pm.iterationData.get('q')));",
                ],
              },
            },
          ],
        },
      ],
    };
    const file = path.join(tmp, 'rows.postman_collection.json');
    await writeFile(file, JSON.stringify(collection));
    await writeFile(path.join(tmp, 'rows.csv'), 'q\n1\n2\n3\n');
    const out = path.join(tmp, 'rows-reports');
    const count = received.length;
    const ran = await courierRun(['run', file, '--data', path.join(tmp, 'rows.csv'), '--reporter', 'cli,json', '--out', out]);
    expect(ran.stderr).toBe('');
    expect(received.slice(count).map((request) => request.url)).toEqual(['/rows?row=1&pre=1-1', '/rows?row=2&pre=2-2', '/rows?row=3&pre=3-3']);
    const report = JSON.parse(await readFile(path.join(out, 'courier-run.json'), 'utf8')) as {
      requests: { tests: { name: string; outcome: string; message?: string }[] }[];
    };
    expect(report.requests.map((request) => request.tests.map((test) => `${test.name}:${test.outcome}${test.message ? ` ${test.message}` : ''}`))).toEqual(
      Array.from({ length: 3 }, () => ['iterationData:passed', 'variables:passed', 'pre-request:passed']),
    );
    expect(ran.code).toBe(0);
  }, 60_000);

  it('runs a Postman file whose scripts use pm.sendRequest: a value chained into the request, and an awaited one after', async () => {
    const collection = {
      info: { name: 'Chained', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      variable: [{ key: 'base', value: server.origin }],
      item: [
        {
          name: 'Chained',
          request: { method: 'GET', url: '{{base}}/cli-main/{{n}}' },
          event: [
            {
              listen: 'prerequest',
              script: {
                type: 'text/javascript',
                exec: ['pm.sendRequest("{{base}}/cli-token?n=7", (err, res) => pm.variables.set("n", res.json().url.split("n=")[1]));'],
              },
            },
            {
              listen: 'test',
              script: {
                type: 'text/javascript',
                exec: [
                  "pm.test('chained', () => pm.expect(pm.response.json().url).to.equal('/cli-main/7'));",
                  'const after = await pm.sendRequest({ url: "{{base}}/cli-after", method: "POST" });',
                  "pm.test('awaited', () => pm.expect(after.json().url).to.equal('/cli-after'));",
                ],
              },
            },
          ],
        },
      ],
    };
    const file = path.join(tmp, 'chained.postman_collection.json');
    await writeFile(file, JSON.stringify(collection));
    const out = path.join(tmp, 'chained-reports');
    const count = received.length;
    const ran = await courierRun(['run', file, '--reporter', 'cli,json', '--out', out]);
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    expect(received.slice(count).map((request) => request.url)).toEqual(['/cli-token?n=7', '/cli-main/7', '/cli-after']);
    const report = JSON.parse(await readFile(path.join(out, 'courier-run.json'), 'utf8')) as {
      requests: { name: string; tests: { name: string; outcome: string }[] }[];
    };
    expect(report.requests.map((request) => request.tests.map((test) => `${test.name}:${test.outcome}`))).toEqual([['chained:passed', 'awaited:passed']]);
  }, 60_000);

  it('Ctrl+C cancels a run in flight and exits 130 without waiting for the server', async () => {
    const dir = await workspace('hanging', [{ file: 'a.request.json', name: 'Hangs', url: '{{base}}/hang' }]);
    const ran = await courierRun(['run', dir], {}, (child) => {
      onHang = () => child.kill('SIGINT');
    });
    onHang = null;
    expect(ran.code).toBe(130);
    expect(ran.stderr).toContain('cancelling');
    expect(ran.ms).toBeLessThan(10_000);
  }, 30_000);

  it("unlocks --data-dir's vault from COURIER_VAULT_PASSPHRASE and never shows its secret", async () => {
    const canary = 'vAuLt-canary-Q81zz0';
    const dataDir = await mkdtemp(path.join(tmp, 'data-'));
    const setup = createCourier({ dataDir, mode: 'web', version: '0', openExternal: () => false, onInternalError: (e) => console.error(e) });
    try {
      const call = async (method: string, input: unknown) => {
        const result = await dispatch(setup.handlers, method, input);
        if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
        return result.value as { environments: { id: string; name: string }[] };
      };
      await call('vault.unlock', { passphrase: 'correct horse battery' });
      const state = await call('environments.create', { name: 'CI' });
      await call('variables.saveScope', { scopeId: state.environments[0]!.id, variables: [{ name: 'apiKey', value: canary, secret: true }] });
    } finally {
      await setup.close();
    }
    const dir = await workspace('vaulted', [
      { file: 'a.request.json', name: 'Keyed', url: '{{base}}/keyed?k={{apiKey}}', headers: [{ name: 'X-Api-Key', value: '{{apiKey}}' }] },
    ]);
    const out = path.join(tmp, 'vault-reports');
    received.length = 0;
    const ran = await courierRun(['run', dir, '--data-dir', dataDir, '--env', 'CI', '--reporter', 'cli,json,junit,html', '--out', out], {
      COURIER_VAULT_PASSPHRASE: 'correct horse battery',
    });
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    expect(received[0]!.headers['x-api-key']).toBe(canary);
    expect(ran.stdout + ran.stderr).not.toContain(canary);
    expect((await scanForSecret([out, dataDir], canary)).hits).toEqual([]);
    // a wrong passphrase is an input error, named
    const wrong = await courierRun(['run', dir, '--data-dir', dataDir, '--env', 'CI'], { COURIER_VAULT_PASSPHRASE: 'nope' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/COURIER_VAULT_PASSPHRASE did not unlock the vault/);
  });

  it('runs one --folder with an --env-file, several --iterations, and --var above the environment', async () => {
    const dir = await workspace('foldered', [{ file: 'top.request.json', name: 'Top', url: '{{base}}/top' }]);
    await mkdir(path.join(dir, 'api', 'users'));
    await writeFile(path.join(dir, 'api', 'users', 'folder.json'), JSON.stringify({ name: 'Users', order: ['list.request.json'] }));
    await writeFile(
      path.join(dir, 'api', 'users', 'list.request.json'),
      JSON.stringify({ name: 'List', method: 'GET', url: '{{base}}/users?stage={{stage}}&who={{who}}' }),
    );
    await writeFile(path.join(tmp, 'env.json'), JSON.stringify({ stage: 'staging', who: 'env' }));
    received.length = 0;
    const ran = await courierRun(['run', dir, '--folder', 'Users', '--env-file', path.join(tmp, 'env.json'), '--var', 'who=cli', '--iterations', '2']);
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    expect(received.map((request) => request.url)).toEqual(['/users?stage=staging&who=cli', '/users?stage=staging&who=cli']);
    expect(ran.stdout).toContain('Iteration 2/2');
  });

  it('carries a cookie from one request of the run to the next, and a new run starts with an empty jar', async () => {
    const dir = await workspace('cookies', [
      { file: 'a.request.json', name: 'Login', url: '{{base}}/login' },
      { file: 'b.request.json', name: 'Me', url: '{{base}}/me' },
    ]);
    received.length = 0;
    const out = path.join(tmp, 'cookie-reports');
    const ran = await courierRun(['run', dir, '--reporter', 'cli,json,junit,html', '--out', out]);
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    expect(received.map((request) => [request.url, request.headers.cookie])).toEqual([
      ['/login', undefined],
      ['/me', 'session=cli-jar-cookie-4Tq'],
    ]);
    expect((await scanForSecret([out], 'cli-jar-cookie-4Tq')).hits).toEqual([]);
    // newman's rule: one jar per run, kept in memory only, so nothing of it is left for the next run
    const meOnly = await workspace('cookies-again', [{ file: 'b.request.json', name: 'Me', url: '{{base}}/me' }]);
    received.length = 0;
    expect((await courierRun(['run', meOnly])).code).toBe(0);
    expect(received.map((request) => [request.url, request.headers.cookie])).toEqual([['/me', undefined]]);
  });

  it('keeps the session cookie out of the reports when scripts put it in test names and failed assertions', async () => {
    const script = (exec: string[]) => [{ listen: 'test', script: { type: 'text/javascript', exec } }];
    const collection = {
      info: { name: 'Cookies', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      variable: [{ key: 'base', value: server.origin }],
      item: [
        {
          name: 'Login',
          request: { method: 'GET', url: '{{base}}/login' },
          event: script(["pm.test('set ' + pm.response.headers.get('Set-Cookie'), () => {});", "console.log(pm.response.headers.get('Set-Cookie'));"]),
        },
        {
          name: 'Me',
          request: { method: 'GET', url: '{{base}}/me' },
          event: script(["pm.test('sent back', () => pm.expect(pm.response.json().headers.cookie).to.equal('session=other'));"]),
        },
      ],
    };
    const file = path.join(tmp, 'cookies.postman_collection.json');
    await writeFile(file, JSON.stringify(collection));
    const out = path.join(tmp, 'cookie-script-reports');
    received.length = 0;
    const ran = await courierRun(['run', file, '--reporter', 'cli,json,junit,html', '--out', out]);
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(1);
    expect(received.map((request) => request.headers.cookie)).toEqual([undefined, 'session=cli-jar-cookie-4Tq']);
    // a session cookie is a credential: masked wherever the run shows or writes it
    expect(ran.stdout).not.toContain('cli-jar-cookie-4Tq');
    expect(await filesIn(out)).toEqual(['courier-run.html', 'courier-run.json', 'courier-run.junit.xml']);
    expect((await scanForSecret([out], 'cli-jar-cookie-4Tq')).hits).toEqual([]);
    const json = await readFile(path.join(out, 'courier-run.json'), 'utf8');
    expect(json).toContain('set session=••••••; Path=/; HttpOnly');
    expect(json).toContain('session=••••••');
  }, 60_000);

  it("keeps V8's code for the run beside the bundle after a first run, and a later run takes it with the same results", async () => {
    const cache = path.join(bundleDir, 'run-command.cjs.v8-cache');
    await rm(cache, { force: true });
    const dir = await workspace('cached', [
      { file: 'a.request.json', name: 'A', url: '{{base}}/a' },
      { file: 'b.request.json', name: 'B', url: `http://127.0.0.1:${await closedPort()}/b` },
    ]);
    const first = await courierRun(['run', dir]);
    expect(first.code).toBe(1);
    const written = await stat(cache);
    const second = await courierRun(['run', dir]);
    expect(second.code).toBe(1);
    // taken, not rejected and written again
    expect((await stat(cache)).mtimeMs).toBe(written.mtimeMs);
    const lines = (ran: Ran) => ran.stdout.split('\n').map((line) => line.replace(/\d+ ms|\d+\.\d+ s/g, 'T'));
    expect(lines(second)).toEqual(lines(first));
    // the process exits once the output is out, not before: the summary's last line is there
    expect(second.stdout).toMatch(/1 request failed|failed/);
  });

  it("leaves undici's index out of the run's bundle: the engine needs its Client only, not fetch, WebSocket or caches", () => {
    expect(bundled.some((input) => input.endsWith('node_modules/undici/lib/dispatcher/client.js'))).toBe(true);
    expect(bundled.filter((input) => /node_modules\/undici\/(index\.js|lib\/(web\/(websocket|cache|eventsource)|mock|cache)\/)/.test(input))).toEqual([]);
  });

  it("builds the run's bundle as ASCII, which the loader reads as one-byte text (UTF-8 decoding cost 30-80 ms of CPU)", async () => {
    const bytes = await readFile(path.join(bundleDir, 'run-command.cjs'));
    const beyond = bytes.findIndex((byte) => byte > 0x7f);
    expect(beyond === -1 ? null : bytes.subarray(Math.max(beyond - 60, 0), beyond + 20).toString('utf8')).toBeNull();
  });

  it("a run without --data-dir keeps no history and does not load SQLite's package (~15 ms of module loading)", async () => {
    // the CommonJS modules loaded by the time the process exits
    const probe = path.join(tmp, 'modules-probe.mjs');
    await writeFile(
      probe,
      `import { createRequire } from 'node:module';
      const cache = createRequire(import.meta.url).cache;
      process.on('exit', () => process.stderr.write('MODULES ' + JSON.stringify(Object.keys(cache).map((file) => file.split(/[\\\\/]node_modules[\\\\/]/)[1]?.split(/[\\\\/]/)[0])) + '\\n'));`,
    );
    const packages = (ran: Ran) => JSON.parse(/MODULES (.*)/.exec(ran.stderr)?.[1] ?? 'null') as string[] | null;
    const dir = await workspace('no-sqlite', [{ file: 'a.request.json', name: 'A', url: '{{base}}/a' }]);
    const plain = await courierRun(['run', dir], { NODE_OPTIONS: `--import=${pathToFileURL(probe).href}` });
    expect(plain.code).toBe(0);
    expect(packages(plain)).not.toContain('better-sqlite3');
    // the probe sees it when it is loaded: a --data-dir run keeps history
    const kept = await courierRun(['run', dir, '--data-dir', path.join(tmp, 'no-sqlite-data')], { NODE_OPTIONS: `--import=${pathToFileURL(probe).href}` });
    expect(kept.code).toBe(0);
    expect(packages(kept)).toContain('better-sqlite3');
  });

  it("a run without --data-dir writes no settings file: its environment lives in memory, and a script's pm.environment.set still reaches the next request", async () => {
    // every file the process creates or renames into place, recorded before the CLI's modules load
    const probe = path.join(tmp, 'writes-probe.mjs');
    await writeFile(
      probe,
      `import fs from 'node:fs';
      const written = [];
      for (const name of ['openSync', 'renameSync', 'writeFileSync']) {
        const original = fs[name];
        fs[name] = function (...args) {
          const target = String(name === 'renameSync' ? args[1] : args[0]);
          if (name !== 'openSync' || /[wa+]/.test(String(args[1] ?? 'r'))) written.push(target);
          return original.apply(this, args);
        };
      }
      process.on('exit', () => process.stderr.write('WRITTEN ' + JSON.stringify(written) + '\\n'));`,
    );
    const collection = {
      info: { name: 'Chained', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [
        {
          name: 'Sets',
          request: { method: 'GET', url: `${server.origin}/sets` },
          event: [{ listen: 'test', script: { type: 'text/javascript', exec: ["pm.environment.set('chained', 'from-the-first')"] } }],
        },
        { name: 'Uses', request: { method: 'GET', url: `${server.origin}/uses/{{chained}}` } },
      ],
    };
    const file = path.join(tmp, 'chained.postman_collection.json');
    await writeFile(file, JSON.stringify(collection));
    received.length = 0;
    const ran = await courierRun(['run', file, '--reporter', 'json', '--out', path.join(tmp, 'chained-reports')], {
      NODE_OPTIONS: `--import=${pathToFileURL(probe).href}`,
    });
    expect(ran.code).toBe(0);
    expect(received.map((request) => request.url)).toEqual(['/sets', '/uses/from-the-first']);
    const written = JSON.parse(/WRITTEN (.*)/.exec(ran.stderr)?.[1] ?? 'null') as string[] | null;
    expect(written).not.toBeNull();
    expect(written!.filter((file) => /settings\.json/.test(file))).toEqual([]);
  }, 60_000);

  it("runs a small collection file's scripts on V8's baseline WebAssembly code: no TurboFan pass over QuickJS competes with the run", async () => {
    const collection = {
      info: { name: 'Small', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [
        {
          name: 'One',
          request: { method: 'GET', url: `${server.origin}/small` },
          event: [{ listen: 'test', script: { type: 'text/javascript', exec: ["pm.test('is 200', () => pm.response.to.have.status(200));"] } }],
        },
      ],
    };
    const file = path.join(tmp, 'small.postman_collection.json');
    await writeFile(file, JSON.stringify(collection));
    // V8 prints a line per WebAssembly function it compiles, naming the compiler
    const traced = ['--trace-wasm-compilation-times'];
    const caches = { baseline: path.join(bundleDir, 'run-command.cjs.liftoff.v8-cache'), tiered: path.join(bundleDir, 'run-command.cjs.v8-cache') };
    await Promise.all(Object.values(caches).map((cache) => rm(cache, { force: true })));
    const small = await courierRun(['run', file], {}, undefined, traced);
    expect(small.code).toBe(0);
    expect(small.stdout).toMatch(/1 ✓ 0 ✗/);
    expect(small.stdout + small.stderr).toMatch(/using Liftoff/);
    expect(small.stdout + small.stderr).not.toMatch(/using TurboFan/);
    // the same file run often enough to be past the bound keeps the optimizing tier
    const iterations = Math.floor(SHORT_RUN_MAX_BYTES / (await stat(file)).size) + 1;
    const long = await courierRun(
      ['run', file, '--iterations', String(iterations), '--reporter', 'json', '--out', path.join(tmp, 'tiered')],
      {},
      undefined,
      traced,
    );
    expect(long.code).toBe(0);
    expect(long.stdout + long.stderr).toMatch(/using TurboFan/);
    // V8 takes a code cache only under the flags it was made with (the trace flag above too): each kind of run keeps
    // its own, so runs that alternate do not throw each other's away
    const dir = await workspace('tiered', [{ file: 'a.request.json', name: 'A', url: '{{base}}/tiered' }]);
    expect((await courierRun(['run', file])).code).toBe(0);
    const written = await stat(caches.baseline);
    expect((await courierRun(['run', dir])).code).toBe(0);
    await stat(caches.tiered);
    expect((await courierRun(['run', file])).code).toBe(0);
    expect((await stat(caches.baseline)).mtimeMs).toBe(written.mtimeMs);
  }, 120_000);

  it('starts and finishes a one-request run quickly', async () => {
    const dir = await workspace('timing', [{ file: 'a.request.json', name: 'A', url: '{{base}}/a' }]);
    const ran = await courierRun(['run', dir]);
    expect(ran.code).toBe(0);
    const help = await courierRun(['--help']);
    // recorded for the report; the bound is loose because CI machines are shared
    console.log(`courier run, 1 request, process start to exit: ${Math.round(ran.ms)} ms (--help: ${Math.round(help.ms)} ms)`);
    expect(ran.ms).toBeLessThan(15_000);
  });
});
