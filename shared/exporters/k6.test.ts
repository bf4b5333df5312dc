import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpRequestSpecSchema, type ImportedCollection } from '../contract';
import { gjsonPath, toK6Script } from './k6';

/**
 * The generated script runs in Node against a stand-in for k6's modules whose http.request makes real, synchronous
 * HTTP calls (curl, as k6's own calls are synchronous) to a server in a child process: k6 itself is not installable
 * here. The stand-in implements only what k6 documents for these members (grafana.com/docs/k6/latest/javascript-api).
 */
let server: ChildProcess;
let base = '';
const SERVER = `
const http = require('node:http');
const s = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    if (req.url.startsWith('/login')) { res.writeHead(200, { 'Content-Type': 'application/json', 'X-Session': 'sess-9' }); res.end(JSON.stringify({ token: 'tok-' + JSON.parse(body || '{}').user, items: [{ id: 4 }] })); return; }
    res.writeHead(req.headers.authorization === 'Bearer tok-ada' ? 200 : 401, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ url: req.url, auth: req.headers.authorization || null, key: req.headers['x-key'] || null, form: body }));
  });
});
s.listen(0, '127.0.0.1', () => console.log('PORT=' + s.address().port));`;

beforeAll(async () => {
  server = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  base = await new Promise<string>((resolve) =>
    server.stdout!.on('data', (chunk: Buffer) => {
      const port = /PORT=(\d+)/.exec(chunk.toString())?.[1];
      if (port) resolve(`http://127.0.0.1:${port}`);
    }),
  );
});
afterAll(() => {
  server.kill();
});

interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

function runK6(script: string, env: Record<string, string>) {
  const sent: Sent[] = [];
  const checks: [string, boolean][] = [];
  const groups: string[] = [];
  const http = {
    request(method: string, url: string, body: unknown, params: { headers?: Record<string, string> } = {}) {
      sent.push({ method, url, headers: params.headers ?? {}, body });
      const args = ['-s', '-i', '-X', method, url];
      for (const [name, value] of Object.entries(params.headers ?? {})) args.push('-H', `${name}: ${value}`);
      let input: string | undefined;
      if (typeof body === 'string') {
        args.push('--data-binary', '@-');
        input = body;
      } else if (body && typeof body === 'object') for (const [name, value] of Object.entries(body)) args.push('-F', `${name}=${String(value)}`);
      const started = Date.now();
      const raw = execFileSync('curl', args, { input, encoding: 'utf8' });
      const [head = '', ...rest] = raw.split('\r\n\r\n');
      const lines = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines.slice(1)) {
        const at = line.indexOf(':');
        headers[line.slice(0, at).replace(/(^|-)(\w)/g, (_m, dash: string, c: string) => dash + c.toUpperCase())] = line.slice(at + 1).trim();
      }
      const text = rest.join('\r\n\r\n');
      return {
        status: Number(lines[0]!.split(' ')[1]),
        body: text,
        headers,
        timings: { duration: Date.now() - started },
        // GJSON's dotted paths, the subset k6 documents for res.json(selector)
        json: (path?: string) =>
          path ? path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], JSON.parse(text)) : JSON.parse(text),
      };
    },
  };
  const k6 = {
    check: (res: unknown, sets: Record<string, (r: unknown) => boolean>) => {
      for (const [name, fn] of Object.entries(sets)) checks.push([name, fn(res)]);
      return true;
    },
    group: (name: string, fn: () => void) => {
      groups.push(name);
      fn();
    },
  };
  const encoding = { b64encode: (text: string) => Buffer.from(text).toString('base64') };
  const code = script
    .replace("import http from 'k6/http';", 'const http = __k6.http;')
    .replace("import { check, group } from 'k6';", 'const { check, group } = __k6.k6;')
    .replace("import encoding from 'k6/encoding';", 'const encoding = __k6.encoding;')
    .replace('export const options', 'const options')
    .replace('export default function () {', '__k6.main = function () {');
  const context = vm.createContext({ __k6: { http, k6, encoding, main: null as null | (() => void) }, __ENV: env });
  vm.runInContext(code, context);
  (context.__k6 as { main: () => void }).main();
  return { sent, checks, groups };
}

const collection = (): ImportedCollection => ({
  name: 'Shop',
  description: '',
  variables: [
    { name: 'baseUrl', value: 'BASE', enabled: true },
    { name: 'apiKey', value: 'k-secret-canary', enabled: true },
  ],
  auth: { kind: 'bearer', token: '{{token}}', prefix: 'Bearer' },
  items: [
    {
      type: 'folder',
      name: 'Auth',
      description: '',
      items: [
        {
          type: 'request',
          name: 'Login',
          description: '',
          request: httpRequestSpecSchema.parse({
            method: 'POST',
            url: '{{baseUrl}}/login',
            body: { kind: 'json', text: '{"user":"{{user}}"}' },
            auth: { kind: 'none' },
            tests: {
              assertions: [
                { target: 'status', operator: 'equals', expected: '200' },
                { target: 'jsonPath', property: '$.items[0].id', operator: 'equals', expected: '4' },
                { target: 'header', property: 'x-session', operator: 'matches', expected: '^sess-' },
                { target: 'responseTime', operator: 'lessThan', expected: '5000' },
                { target: 'jsonPath', property: '$..id', operator: 'exists' },
                { target: 'body', operator: 'matchesSchema', expected: '{}' },
              ],
              captures: [{ source: 'jsonPath', expression: '$.token', variable: 'token', scope: 'environment' }],
            },
          }),
        },
      ],
    },
    {
      type: 'request',
      name: 'Orders',
      description: '',
      request: httpRequestSpecSchema.parse({
        method: 'GET',
        url: '{{baseUrl}}/orders',
        params: [
          { name: 'page', value: '2', enabled: true },
          { name: 'off', value: '1', enabled: false },
        ],
        headers: [{ name: 'X-Key', value: '{{apiKey}}', enabled: true }],
        auth: { kind: 'inherit' },
        tests: {
          assertions: [
            { target: 'status', operator: 'equals', expected: '200' },
            { target: 'jsonPath', property: '$.url', operator: 'contains', expected: 'page=2' },
          ],
          captures: [],
        },
      }),
    },
    {
      type: 'request',
      name: 'Form',
      description: '',
      request: httpRequestSpecSchema.parse({
        method: 'POST',
        url: '{{baseUrl}}/form',
        body: { kind: 'form', fields: [{ name: 'a b', value: '{{user}}', enabled: true }] },
        auth: { kind: 'basic', username: 'ann', password: '{{$credential.pw-1}}' },
      }),
    },
  ],
});

describe('k6 export', () => {
  it('runs: requests in tree order and groups, captures chain into the next request, assertions become checks', () => {
    const script = toK6Script(
      { ...collection(), variables: collection().variables.map((v) => (v.name === 'baseUrl' ? { ...v, value: base } : v)) },
      new Set(['apiKey']),
    );
    const { sent, checks, groups } = runK6(script, { user: 'ada', apiKey: 'from-env', PASSWORD: 'pw' });
    expect(groups).toEqual(['Auth']);
    expect(sent.map((s) => `${s.method} ${s.url.replace(base, '')}`)).toEqual(['POST /login', 'GET /orders?page=2', 'POST /form']);
    expect(sent[0]!.body).toBe('{"user":"ada"}');
    expect(sent[0]!.headers['Content-Type']).toBe('application/json');
    // the captured token feeds the collection's bearer auth; the secret comes from __ENV
    expect(sent[1]!.headers).toMatchObject({ Authorization: 'Bearer tok-ada', 'X-Key': 'from-env' });
    expect(sent[2]!.headers.Authorization).toBe(`Basic ${Buffer.from('ann:pw').toString('base64')}`);
    expect(sent[2]!.body).toBe('a%20b=ada');
    expect(checks).toEqual([
      ['status equals 200', true],
      ['jsonPath $.items[0].id equals 4', true],
      ['header x-session matches ^sess-', true],
      ['responseTime lessThan 5000', true],
      ['status equals 200', true],
      ['jsonPath $.url contains page=2', true],
    ]);
  });

  it('fails a check when the response differs, and names what it did not carry', () => {
    const script = toK6Script(
      { ...collection(), variables: collection().variables.map((v) => (v.name === 'baseUrl' ? { ...v, value: base } : v)) },
      new Set(['apiKey']),
    );
    const { checks } = runK6(script, { user: 'bob', apiKey: 'x', PASSWORD: 'pw' });
    // bob's token is not the one the server accepts: Orders answers 401
    expect(checks.filter(([, ok]) => !ok).map(([name]) => name)).toEqual(['status equals 200']);
    expect(script).toContain('// Not carried over: the assertion "jsonPath $..id exists"');
    expect(script).toContain('// Not carried over: the assertion "body matchesSchema {}"');
  });

  it("makes Courier's dynamic values at run time and names the ones it does not know (new-user pass: $uuid and $randomEmail went out as text, unmentioned)", () => {
    const dynamic: ImportedCollection = {
      ...collection(),
      variables: [{ name: 'baseUrl', value: base, enabled: true }],
      items: [
        {
          type: 'request',
          name: 'Ids',
          description: '',
          request: httpRequestSpecSchema.parse({
            method: 'GET',
            url: '{{baseUrl}}/orders?at={{$timestamp}}',
            headers: [
              { name: 'X-Id', value: '{{$uuid}}', enabled: true },
              { name: 'X-Mail', value: '{{$randomEmail}}', enabled: true },
            ],
            auth: { kind: 'none' },
          }),
        },
      ],
    };
    const script = toK6Script(dynamic);
    expect(script).toContain('// Not carried over: {{$randomEmail}} (no dynamic value of that name): sent as written');
    expect(script).not.toMatch(/Not carried over: .*\$uuid/);
    const { sent } = runK6(script, {});
    expect(sent[0]!.headers['X-Id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(sent[0]!.headers['X-Mail']).toBe('{{$randomEmail}}');
    expect(sent[0]!.url).toMatch(/\/orders\?at=\d{10}$/);
  });

  it('writes no secret: secret variables and vault or typed credentials are read from __ENV', () => {
    const script = toK6Script(collection(), new Set(['apiKey']));
    expect(script).not.toContain('k-secret-canary');
    expect(script).not.toContain('$credential');
    expect(script).toContain('"apiKey": __ENV["apiKey"]');
    expect(script).toMatch(/Values it reads from the environment \(never written here\): .*-e PASSWORD=…/);
  });

  it("keeps ordinary headers as written; only an Authorization header's credential becomes a reference", () => {
    const script = toK6Script({
      name: 'Plain',
      description: '',
      auth: { kind: 'none' },
      variables: [],
      items: [
        {
          type: 'request',
          name: 'Create',
          description: '',
          request: httpRequestSpecSchema.parse({
            method: 'POST',
            url: 'https://api.test/things',
            headers: [
              { name: 'Content-Type', value: 'application/json', enabled: true },
              { name: 'Accept', value: 'text/plain version=2', enabled: true },
              { name: 'Authorization', value: 'Token abc123', enabled: true },
            ],
            body: { kind: 'json', text: '{}' },
          }),
        },
      ],
    } as unknown as ImportedCollection);
    expect(script).toContain('"Content-Type": render("application/json", local)');
    expect(script).toContain('"Accept": render("text/plain version=2", local)');
    expect(script).not.toContain('abc123');
    expect(script).toMatch(/"Authorization": render\("Token \{\{AUTHORIZATION_CREDENTIALS\}\}"/);
  });

  it('uses only what k6 documents', () => {
    const script = toK6Script(collection());
    expect([...new Set(script.match(/\bhttp\.\w+/g))]).toEqual(['http.request']);
    expect([...new Set(script.match(/\bencoding\.\w+/g))]).toEqual(['encoding.b64encode']);
    expect([...new Set(script.match(/\bres\.(\w+)/g))].sort()).toEqual(['res.body', 'res.headers', 'res.json', 'res.status', 'res.timings']);
    expect(script).toMatch(/^import http from 'k6\/http';$/m);
    expect(script).toMatch(/^export default function \(\) \{$/m);
  });

  it('reads simple JSONPath as GJSON and refuses the rest', () => {
    expect(gjsonPath('$.a.b[0].c')).toBe('a.b.0.c');
    expect(gjsonPath("$['x y'][2]")).toBe('x y.2');
    expect(gjsonPath('$')).toBe('');
    expect(gjsonPath('$..id')).toBeNull();
    expect(gjsonPath('$.a[*]')).toBeNull();
  });
});
