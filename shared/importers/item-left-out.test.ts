import { describe, expect, it } from 'vitest';
import { importBrunoFolder } from './bruno/import-bruno';
import { importText } from './import-text';
import { flattenRequests } from './walk';

/** a method no HTTP server takes and Courier's contract refuses: one bad item among good ones */
const LONG_METHOD = 'X'.repeat(100);
const names = (result: Awaited<ReturnType<typeof importText>>) => flattenRequests(result.collections[0]!.items).map((r) => r.request.name);

describe('one malformed item is left out by name, the rest of the file imports', () => {
  it('Insomnia v4: a request that does not fit, and a resource that is not one', async () => {
    const result = await importText(
      JSON.stringify({
        _type: 'export',
        __export_format: 4,
        resources: [
          { _id: 'wrk_1', _type: 'workspace', name: 'W' },
          { _id: 'req_1', _type: 'request', parentId: 'wrk_1', name: 'good', method: 'GET', url: 'https://api.test/a' },
          { _id: 'req_2', _type: 'request', parentId: 'wrk_1', name: 'bad', method: LONG_METHOD, url: 'https://api.test/b' },
          { name: 'no id' },
        ],
      }),
    );
    expect(names(result)).toEqual(['good']);
    expect(result.warnings).toEqual([
      { item: 'no id', message: 'Not imported: it is not an Insomnia resource (it has no "_id" and "_type").' },
      { item: 'bad', message: expect.stringMatching(/^Not imported: method: .+\.$/) },
    ]);
  });

  it('Hoppscotch: a request that does not fit, and one that is not an object', async () => {
    const result = await importText(
      JSON.stringify({
        v: 2,
        name: 'H',
        folders: [],
        requests: [
          { v: '1', name: 'good', method: 'GET', endpoint: 'https://api.test/a', headers: [], params: [], body: { contentType: null, body: null } },
          { v: '1', name: 'bad', method: LONG_METHOD, endpoint: 'https://api.test/b', headers: [], params: [], body: { contentType: null, body: null } },
          42,
        ],
      }),
    );
    expect(names(result)).toEqual(['good']);
    expect(result.warnings).toEqual([
      { item: 'bad', message: expect.stringMatching(/^Not imported: method: .+\.$/) },
      { item: 'request 3', message: 'Not imported: it is a number, not a request.' },
    ]);
  });

  it('HAR: an entry whose request does not fit', async () => {
    const entry = (method: string, url: string) => ({
      startedDateTime: 'x',
      time: 1,
      response: {},
      cache: {},
      timings: {},
      request: { method, url, headers: [] },
    });
    const result = await importText(
      JSON.stringify({ log: { version: '1.2', entries: [entry('GET', 'https://api.test/a'), entry(LONG_METHOD, 'https://api.test/b')] } }),
    );
    expect(names(result)).toEqual(['GET /a']);
    expect(result.warnings).toEqual([{ item: `2. ${LONG_METHOD} /b`, message: expect.stringMatching(/^Not imported: method: .+\.$/) }]);
  });

  it('Bruno: a request file that does not parse is named with its path', () => {
    const result = importBrunoFolder([
      { path: 'bruno.json', text: '{"name":"B"}' },
      { path: 'good.bru', text: 'meta {\n  name: good\n  seq: 1\n}\n\nget {\n  url: https://api.test/a\n}\n' },
      { path: 'Users/broken.bru', text: 'meta {\n  name: broken\n\nget {\n  url: https://api.test/b\n' },
    ]);
    expect(flattenRequests(result.collections[0]!.items).map((r) => r.request.name)).toEqual(['good']);
    expect(result.warnings).toEqual([{ item: 'Users / broken.bru', message: expect.stringMatching(/^Not imported: Users\/broken\.bru: .+/) }]);
  });
});
