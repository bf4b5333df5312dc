import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeImport, summarizeImport } from '../import-summary';
import { importText } from '../import-text';
import { flattenRequests } from '../walk';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/v1/${name}.json`, import.meta.url), 'utf8');
const requestsOf = async (name: string) => {
  const result = await importText(fixture(name));
  return { result, requests: flattenRequests(result.collections[0]!.items) };
};
const byName = (requests: Awaited<ReturnType<typeof requestsOf>>['requests'], name: string) => requests.find((r) => r.request.name === name)!.request.request;

describe('Postman Collection v1 (postman-collection-transformer examples)', () => {
  it('rebuilds folders and sub-folders from folders_order and order', async () => {
    const { result, requests } = await requestsOf('multi-level-folders');
    expect(result.formatLabel).toBe('Postman Collection v1');
    expect(result.collections[0]!.name).toBe('multi-level-folders');
    expect(requests.map((r) => [r.path.join('/'), r.request.name])).toEqual([
      ['F1', 'F1.R1'],
      ['F1', 'F1.R2'],
      ['F1', 'F1.R3'],
      ['F2/F2.F3', 'F2.F3.R1'],
      ['F2', 'F2.R1'],
      ['', 'R1'],
    ]);
    // the empty sub-folder is kept
    const f2 = result.collections[0]!.items.find((item) => item.name === 'F2');
    expect(f2?.type === 'folder' && f2.items.map((item) => item.name)).toEqual(['F2.F3', 'F2.F4', 'F2.R1']);
    // dataMode "params" with no data on a GET is no body, not an empty form
    expect(requests.every((r) => r.request.request.body.kind === 'none')).toBe(true);
    // every item's test script is kept as its post-response script, with no warning
    expect(requests.every((r) => (r.request.request.scripts?.postResponse ?? '').trim() !== '')).toBe(true);
    expect(result.warnings.filter((w) => /script/.test(w.message))).toEqual([]);
  });

  it('reads the v1 header string, "//" lines as disabled headers, and the raw body', async () => {
    const { requests } = await requestsOf('disabledheaders');
    const spec = requests[0]!.request.request;
    expect(spec.method).toBe('POST');
    expect(spec.url).toBe('echo.postman.com/post');
    expect(spec.headers).toEqual([
      { name: 'A', value: 'B', enabled: true },
      { name: 'C', value: 'D', enabled: false },
    ]);
    expect(spec.body).toEqual({ kind: 'text', text: 'something', contentType: 'text/plain' });
  });

  it('maps raw JSON bodies and path variables', async () => {
    const { requests } = await requestsOf('rawjsonbody');
    const spec = requests[0]!.request.request;
    expect(spec.url).toBe('httpbin.org/{{method}}');
    expect(spec.variables).toEqual([{ name: 'method', value: 'post', enabled: true }]);
    expect(spec.headers).toEqual([{ name: 'Content-Type', value: 'application/json', enabled: true }]);
    expect(spec.body).toEqual({ kind: 'text', text: '{\n    "asd": "tyyy"\n}', contentType: 'text/plain' });
  });

  it('maps urlencoded bodies and names the saved example it leaves out', async () => {
    const { result, requests } = await requestsOf('urlencoded-post-data');
    expect(requests[0]!.request.request.body).toEqual({
      kind: 'form',
      fields: [
        { name: 'akshay', value: 'bald', enabled: true },
        { name: 'yakshay', value: 'ybald', enabled: true },
      ],
    });
    expect(result.warnings).toEqual([
      { item: 'http://httpbin.org/post', message: expect.stringMatching(/^1 saved example response \("samplerespose"\) not imported/) },
    ]);
  });

  it('maps a binary body to a file to choose, naming the file, and keeps the test script', async () => {
    const { result, requests } = await requestsOf('binary-upload');
    expect(requests[0]!.request.request.body).toEqual({ kind: 'binary', file: null });
    expect(requests[0]!.request.request.scripts?.postResponse).toBeTruthy();
    expect(result.warnings.map((w) => `${w.item}: ${w.message}`)).toEqual([
      'http://httpbin.org/post: The body file "sample.txt" is not in the collection; choose it again in the Body tab.',
    ]);
  });

  it('legacy auth helpers: basic, digest, bearer, OAuth 2 mapped; OAuth 1 reported; a request no order lists is kept', async () => {
    const { result, requests } = await requestsOf('helpers');
    expect(requests.map((r) => r.request.name)).toEqual(['OAuth', 'OAuth2', 'basicAuth', 'DigestAuth', 'test bearer auth success']);
    expect(byName(requests, 'basicAuth').auth).toEqual({ kind: 'basic', username: 'abhijit', password: 'kane' });
    expect(byName(requests, 'DigestAuth').auth).toEqual({ kind: 'digest', username: 'abhijit', password: 'kane' });
    expect(byName(requests, 'test bearer auth success').auth).toMatchObject({ kind: 'bearer', token: 'wkjehbxoqnunc2k3' });
    expect(byName(requests, 'OAuth2').auth).toMatchObject({ kind: 'oauth2', tokenUrl: 'https://foo.com/at', clientId: 'uniqueClientIdentifier', scope: 'all' });
    const messages = result.warnings.map((w) => `${w.item}: ${w.message}`);
    expect(messages).toContain('OAuth: The auth type "oauth1" is not supported; the request has no auth.');
    expect(messages).toContain('test bearer auth success: No order of the collection lists this request; it was placed at the top level.');
    expect(messages).toContain(
      'OAuth2: The OAuth 2.0 grant "implicit" is not one Courier has; the auth was imported with the client credentials grant: check it before sending.',
    );
  });

  it('folder auth, variables at every level and collection scripts', async () => {
    const { result, requests } = await requestsOf('nestedEntities');
    const collection = result.collections[0]!;
    expect(collection.scripts?.preRequest).toBeTruthy();
    expect(collection.scripts?.postResponse).toBeTruthy();
    expect(byName(requests, 'Basic').scripts).toEqual({ preRequest: expect.any(String), postResponse: expect.any(String) });
    expect(result.warnings.filter((w) => /script/.test(w.message))).toEqual([]);
    expect(collection.variables).toEqual([{ name: 'collection', value: 'variable', enabled: true }]);
    expect(requests.map((r) => [r.path.join('/'), r.request.name])).toEqual([
      ['F1', 'Basic'],
      ['', 'OAuth1'],
    ]);
    // the folder's digest auth does not override the request's own basic auth; its variable reaches the request
    expect(byName(requests, 'Basic').auth).toEqual({ kind: 'basic', username: '{{username}}', password: '{{token}}' });
    expect(byName(requests, 'Basic').variables).toEqual([
      { name: 'request', value: 'variable', enabled: true },
      { name: 'folder', value: 'variable', enabled: true },
    ]);
    const messages = result.warnings.map((w) => `${w.item}: ${w.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        '(collection): The auth type "awsv4" is not supported.',
        'OAuth1: The auth type "oauth1" is not supported; the request has no auth.',
      ]),
    );
  });

  it('an empty raw body is no body (v1 and v2, any method)', async () => {
    const { requests } = await requestsOf('no-body');
    expect(requests[0]!.request.request.body).toEqual({ kind: 'none' });
    const v21 = {
      info: { name: 'x', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: ['GET', 'POST', 'PUT'].map((method) => ({
        name: method,
        request: { method, url: 'https://x.test', body: { mode: 'raw', raw: '', options: { raw: { language: 'json' } } } },
      })),
    };
    const result = await importText(JSON.stringify(v21));
    expect(flattenRequests(result.collections[0]!.items).map((r) => r.request.request.body)).toEqual([{ kind: 'none' }, { kind: 'none' }, { kind: 'none' }]);
  });

  it('an explicit dataMode null with leftover rawModeData is no body', async () => {
    const { requests } = await requestsOf('emptydatamode');
    expect(requests[0]!.request.request.body).toEqual({ kind: 'none' });
    expect(requests[0]!.request.request.headers).toEqual([{ name: 'helo', value: '', enabled: true }]);
  });
});

describe('Postman v2: scripts are kept; what cannot run is named per item', () => {
  it('keeps collection, folder and request prerequest/test events as scripts, and names what will not run', async () => {
    const result = await importText(readFileSync(new URL('./fixtures/v2/scripted.json', import.meta.url), 'utf8'));
    const collection = result.collections[0]!;
    expect(collection.scripts).toEqual({
      preRequest: 'pm.collectionVariables.set("runs", String(Number(pm.collectionVariables.get("runs") || 0) + 1));',
      postResponse: 'pm.test("responds quickly", function () {\n    pm.expect(pm.response.responseTime).to.be.below(5000);\n});',
    });
    const folder = collection.items[0]!;
    expect(folder.type === 'folder' && folder.scripts).toEqual({ postResponse: 'pm.test("folder: JSON", () => pm.response.to.be.json);' });
    const requests = flattenRequests(collection.items);
    const login = requests.find((r) => r.request.name === 'Login')!.request.request;
    expect(login.scripts?.preRequest).toBe('pm.request.headers.add({ key: "X-Request-Start", value: String(Date.now()) });');
    expect(login.scripts?.postResponse).toContain('pm.environment.set("token", json.token);');
    expect(result.warnings).toEqual([
      { item: 'Me', message: 'The "beforeRequest" script was not imported: Courier runs pre-request and test (post-response) scripts only.' },
    ]);
  });

  it('a script whose exec is one string (the schema allows it) is kept', async () => {
    const collection = {
      info: { name: 'x', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [
        {
          name: 'A',
          event: [{ listen: 'prerequest', script: { exec: 'pm.variables.set("a", 1)' } }],
          request: { method: 'GET', url: 'https://x.test', header: 'X-A: 1\n// X-B: 2' },
        },
      ],
    };
    const result = await importText(JSON.stringify(collection));
    expect(result.warnings).toEqual([]);
    expect(flattenRequests(result.collections[0]!.items)[0]!.request.request.scripts).toEqual({ preRequest: 'pm.variables.set("a", 1)' });
    // a header string (also allowed by the v2 schema) is read, not dropped
    expect(flattenRequests(result.collections[0]!.items)[0]!.request.request.headers).toEqual([
      { name: 'X-A', value: '1', enabled: true },
      { name: 'X-B', value: '2', enabled: false },
    ]);
  });
});

describe('Postman v2: request settings (protocolProfileBehavior)', () => {
  it('maps the ones Courier has, inherited from folders, and names the others per item', async () => {
    const collection = {
      info: { name: 'x', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      protocolProfileBehavior: { strictSSL: false },
      item: [
        {
          name: 'F',
          protocolProfileBehavior: { followRedirects: false },
          item: [
            {
              name: 'A',
              protocolProfileBehavior: { maxRedirects: 3, disableCookies: true, disableUrlEncoding: true },
              request: { method: 'GET', url: 'https://x.test' },
            },
          ],
        },
      ],
    };
    const result = await importText(JSON.stringify(collection));
    expect(flattenRequests(result.collections[0]!.items)[0]!.request.request.settings).toMatchObject({
      verifyTls: false,
      followRedirects: false,
      maxRedirects: 3,
      useCookieJar: false,
    });
    expect(result.warnings).toEqual([{ item: 'F / A', message: 'Postman settings Courier does not have were not imported: disableUrlEncoding.' }]);
  });
});

describe("Postman v1 with repeated and dangling ids (the transformer's malformed.json)", () => {
  it('imports every request exactly once, each folder of a shared id, and says where it placed what no order lists', async () => {
    const { result, requests } = await requestsOf('malformed');
    expect(requests.map((r) => [r.path.join('/'), r.request.name])).toEqual([
      ['F1', 'F1.R1'],
      ['F1', 'F1.R2'],
      ['F1', 'F1.R3'],
      ['F2/F2.F3', 'F2.F3.R1'],
      ['F2', 'F2.R1'],
      ['', 'R1'],
      ['F5/F5.F1', 'F5.F1.R1'],
      ['F5/F5.F2', 'F5.F2.R1'],
      ['F5', 'F5.R1'],
      ['', 'R2'],
    ]);
    expect(result.warnings.map((w) => `${w.item}: ${w.message}`)).toEqual([
      'F5: This folder has the same id as another folder, so no order can reach it; it was placed at the top level.',
      'R2: No order of the collection lists this request; it was placed at the top level.',
      'F5 / F5.F1 / F5.F1.R1: No order of the collection lists this request; it was placed in the folder "F5 / F5.F1".',
      'F5 / F5.F2 / F5.F2.R1: No order of the collection lists this request; it was placed in the folder "F5 / F5.F2".',
    ]);
  });
});

describe('one malformed item', () => {
  const collection = {
    info: { name: 'Mixed', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: [
      { name: 'good', request: { method: 'GET', url: 'https://api.test/good' } },
      {
        name: 'Folder',
        item: [
          { name: 'bad', request: 42 },
          { name: 'also good', request: { method: 'POST', url: 'https://api.test/also' } },
          { name: 'long method', request: { method: 'X'.repeat(100), url: 'https://api.test/x' } },
        ],
      },
      7,
    ],
  };

  it('imports the valid items and names each bad one with its path and why', async () => {
    const result = await importText(JSON.stringify(collection));
    expect(flattenRequests(result.collections[0]!.items).map((r) => [...r.path, r.request.name].join(' / '))).toEqual(['good', 'Folder / also good']);
    expect(result.warnings).toEqual([
      { item: 'Folder / bad', message: 'Not imported: its "request" is a number, not a request or a URL, and it has no "item" list of a folder.' },
      { item: 'Folder / long method', message: expect.stringMatching(/^Not imported: method: .+\.$/) },
      { item: 'item 3', message: 'Not imported: it is a number, not a request or a folder.' },
    ]);
  });

  it('counts the left-out items in the sentence the preview and the result message share', async () => {
    const result = await importText(JSON.stringify(collection));
    expect(describeImport(summarizeImport(result))).toBe('2 requests, 3 items not carried over in full');
  });
});
