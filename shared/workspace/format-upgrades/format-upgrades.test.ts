import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { httpRequestSpecSchema } from '../../contract/http';
import { wsRequestSpecSchema } from '../../contract/websocket';
import { CONTAINER_FORMAT, REQUEST_FORMAT } from '../layout';
import { parseContainer, parseRequest, serializeContainer, serializeRequest } from '../request-file';
import { parseRequestFile, serializeWebSocketRequest } from '../websocket-file';
import { containerFormat1To2 } from './container-1-to-2';
import { CONTAINER_FILE_FORMAT, currentVersion, NewerFormatError, REQUEST_FILE_FORMAT, upgradeFile } from './index';
import { requestFormat1To2 } from './request-1-to-2';
import { requestFormat2To3 } from './request-2-to-3';

const FIXTURES = new URL('./fixtures/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const fixtureNames = readdirSync(FIXTURES).filter((name) => name.endsWith('.json'));
const versionsOf = (kind: string) =>
  new Set(fixtureNames.map((name) => new RegExp(`^${kind}-v(\\d+)`).exec(name)).flatMap((match) => (match ? [Number(match[1])] : [])));

const http = (input: Parameters<typeof httpRequestSpecSchema.parse>[0]) => httpRequestSpecSchema.parse(input);

/** Each fixture and what reading it must give today: the request, WebSocket request or container as the app uses it. */
const REQUESTS: Record<string, unknown> = {
  // version 1: "none" meant "take the collection's auth"
  'request-v1.request.json': {
    kind: 'http',
    name: 'Get user',
    request: http({
      method: 'GET',
      url: '{{host}}/users/{{id}}',
      headers: [{ name: 'Accept', value: 'application/json' }],
      auth: { kind: 'inherit' },
      variables: [{ name: 'id', value: '7' }],
      settings: { verifyTls: false },
    }),
  },
  'request-v1-own-auth.request.json': {
    kind: 'http',
    name: 'Create user',
    request: http({
      method: 'POST',
      url: '{{host}}/users',
      body: { kind: 'json', text: '{"name":"Ann"}' },
      auth: { kind: 'bearer', token: '{{token}}', prefix: 'Bearer' },
    }),
  },
  // version 2: "none" is No auth
  'request-v2.request.json': { kind: 'http', name: 'Health', request: http({ method: 'GET', url: '{{host}}/health', auth: { kind: 'none' } }) },
  'request-v3.request.json': {
    kind: 'http',
    name: 'Login',
    request: http({
      method: 'POST',
      url: '{{host}}/login',
      tests: {
        assertions: [{ target: 'status', operator: 'equals', expected: '200' }],
        captures: [{ source: 'jsonPath', expression: '$.token', variable: 'token', secret: true }],
      },
    }),
  },
  // a WebSocket file's absent auth always meant none
  'websocket-v1.request.json': {
    kind: 'websocket',
    name: 'Ticker',
    request: wsRequestSpecSchema.parse({ url: '{{wsHost}}/ticker', subprotocols: ['v1.ticker'] }),
    messages: [{ name: 'subscribe', kind: 'json', body: '{"op":"sub"}' }],
  },
};

const CONTAINERS: Record<string, unknown> = {
  'collection-v1.json': {
    settings: {
      name: 'Users API',
      variables: [{ name: 'host', value: 'https://api.test', enabled: true }],
      headers: [],
      auth: { kind: 'bearer', token: '{{token}}', prefix: 'Bearer' },
    },
    order: ['users', 'get-user.request.json'],
  },
  'folder-v1.json': {
    settings: { name: 'Users', variables: [], headers: [{ name: 'X-Team', value: 'core', enabled: true }], auth: { kind: 'none' } },
    order: ['create-user.request.json'],
  },
};

describe('workspace file format upgrades', () => {
  it('has one step per version and a fixture of every earlier version of every kind of file', () => {
    expect(currentVersion(REQUEST_FILE_FORMAT)).toBe(REQUEST_FORMAT);
    expect(currentVersion(CONTAINER_FILE_FORMAT)).toBe(CONTAINER_FORMAT);
    const earlier = (current: number) => Array.from({ length: current - 1 }, (_, i) => i + 1);
    for (const version of earlier(REQUEST_FORMAT)) expect(versionsOf('request'), `request file format ${version}`).toContain(version);
    expect(versionsOf('websocket')).toContain(1);
    for (const version of earlier(CONTAINER_FORMAT)) {
      expect(versionsOf('collection'), `collection file format ${version}`).toContain(version);
      expect(versionsOf('folder'), `folder file format ${version}`).toContain(version);
    }
    // every fixture is checked below
    expect(fixtureNames.sort()).toEqual([...Object.keys(REQUESTS), ...Object.keys(CONTAINERS)].sort());
  });

  for (const [name, expected] of Object.entries(REQUESTS)) {
    it(`reads ${name} in today's shape, and saving it writes the current format that reads back the same`, () => {
      const parsed = parseRequestFile(fixture(name), `api/${name}`);
      expect(parsed).toEqual({ ok: true, value: expected });
      if (!parsed.ok) return;
      const value = parsed.value;
      const saved = value.kind === 'http' ? serializeRequest(value.name ?? '', value.request).text : serializeWebSocketRequest(value.name ?? '', value).text;
      const format = (JSON.parse(saved) as { format: number }).format;
      // written at the lowest current format that holds it: 3 with tests, 2 without (see layout.ts)
      expect(format).toBe(value.kind === 'http' && value.request.tests ? REQUEST_FORMAT : 2);
      expect(parseRequestFile(saved)).toEqual(parsed);
    });
  }

  for (const [name, expected] of Object.entries(CONTAINERS)) {
    it(`reads ${name} in today's shape, and saving it writes format ${CONTAINER_FORMAT}`, () => {
      const parsed = parseContainer(fixture(name), 'fallback', `api/${name}`);
      expect(parsed).toEqual({ ok: true, value: expected });
      if (!parsed.ok) return;
      const saved = serializeContainer(parsed.value).text;
      expect(JSON.parse(saved)).toMatchObject({ format: CONTAINER_FORMAT });
      expect(parseContainer(saved, 'fallback')).toEqual(parsed);
    });
  }

  it('each step is a pure function from one version to the next', () => {
    const v1 = Object.freeze({ name: 'A', method: 'GET', url: 'x', auth: Object.freeze({ kind: 'none' }) });
    expect(requestFormat1To2(v1)).toEqual({ format: 2, name: 'A', method: 'GET', url: 'x' });
    expect(requestFormat1To2({ name: 'A', method: 'GET', url: 'x', auth: { kind: 'basic', username: 'u', password: '{{p}}' } })).toMatchObject({
      format: 2,
      auth: { kind: 'basic' },
    });
    expect(requestFormat1To2({ kind: 'websocket', url: 'ws://x', auth: { kind: 'none' } })).toEqual({
      kind: 'websocket',
      url: 'ws://x',
      auth: { kind: 'none' },
      format: 2,
    });
    expect(requestFormat2To3({ format: 2, name: 'A' })).toEqual({ format: 3, name: 'A' });
    expect(containerFormat1To2({ name: 'C', order: [] })).toEqual({ format: 2, name: 'C', order: [] });
    // applied in order from the file's version, and not at all to a current file
    expect(upgradeFile(REQUEST_FILE_FORMAT, { method: 'GET', url: 'x', auth: { kind: 'none' } })).toEqual({ method: 'GET', url: 'x', format: 3 });
    expect(upgradeFile(REQUEST_FILE_FORMAT, { format: 2, method: 'GET', url: 'x', auth: { kind: 'none' } })).toEqual({
      format: 3,
      method: 'GET',
      url: 'x',
      auth: { kind: 'none' },
    });
    const current = { format: REQUEST_FORMAT, method: 'GET', url: 'x' };
    expect(upgradeFile(REQUEST_FILE_FORMAT, current)).toBe(current);
  });

  it('refuses a file from a newer Courier whole, naming the file and both versions', () => {
    const newer = JSON.stringify({ format: REQUEST_FORMAT + 1, name: 'Future', method: 'GET', url: 'https://x.test/' });
    const expectedWords = `api/future.request.json was written by a newer Courier (request file format ${REQUEST_FORMAT + 1}; this Courier reads up to format ${REQUEST_FORMAT})`;
    expect(parseRequestFile(newer, 'api/future.request.json')).toEqual({ ok: false, error: expect.stringContaining(expectedWords) });
    expect(parseRequest(newer, 'api/future.request.json')).toEqual({ ok: false, error: expect.stringContaining(expectedWords) });
    // a kind a later Courier added is "newer", not "unknown"
    expect(parseRequestFile(JSON.stringify({ kind: 'grpc', format: REQUEST_FORMAT + 1, url: 'x' }), 'api/g.request.json')).toMatchObject({
      ok: false,
      error: expect.stringContaining('newer Courier'),
    });
    expect(parseContainer(JSON.stringify({ format: CONTAINER_FORMAT + 1, name: 'Future', order: [] }), 'x', 'api/collection.json')).toEqual({
      ok: false,
      error: expect.stringContaining(
        `api/collection.json was written by a newer Courier (collection or folder file format ${CONTAINER_FORMAT + 1}; this Courier reads up to format ${CONTAINER_FORMAT})`,
      ),
    });
    expect(() => upgradeFile(CONTAINER_FILE_FORMAT, { format: 99 })).toThrow(NewerFormatError);
  });

  it('refuses a format that is not a version number', () => {
    for (const format of ['2', 0, 1.5, null]) {
      expect(parseRequest(JSON.stringify({ format, method: 'GET', url: 'x' }))).toMatchObject({
        ok: false,
        error: expect.stringContaining('Not a Courier file: format'),
      });
      expect(parseContainer(JSON.stringify({ format, name: 'C' }), 'x')).toMatchObject({
        ok: false,
        error: expect.stringContaining('Not a Courier file: format'),
      });
    }
  });
});
