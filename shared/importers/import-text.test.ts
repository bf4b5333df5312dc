import { describe, expect, it } from 'vitest';
import { stringify as stringifyYaml } from 'yaml';
import { httpRequestSpecSchema, type ImportedCollection } from '../contract';
import { prepareExport, toHar, toPostmanCollection } from '../exporters';
import { draftFromSpec } from '../history-view';
import { describeImport, summarizeImport } from './import-summary';
import { importText } from './import-text';
import { flattenRequests } from './walk';

const postman21 = {
  info: { name: 'Shop API', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json', description: 'The shop' },
  auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{token}}', type: 'string' }] },
  variable: [
    { key: 'baseUrl', value: 'https://shop.example' },
    { key: 'token', value: '' },
  ],
  event: [{ listen: 'prerequest', script: { exec: ['pm.environment.set("a", 1)'] } }],
  item: [
    {
      name: 'Users',
      auth: {
        type: 'basic',
        basic: [
          { key: 'username', value: 'ann' },
          { key: 'password', value: '{{pw}}' },
        ],
      },
      item: [
        {
          name: 'Get user',
          request: {
            method: 'GET',
            header: [
              { key: 'Accept', value: 'application/json' },
              { key: 'X-Off', value: '1', disabled: true },
            ],
            url: {
              raw: '{{baseUrl}}/users/:id?expand=true',
              host: ['{{baseUrl}}'],
              path: ['users', ':id'],
              query: [
                { key: 'expand', value: 'true' },
                { key: 'debug', value: '1', disabled: true },
              ],
              variable: [{ key: 'id', value: '42' }],
            },
          },
          response: [{ name: 'OK', code: 200, body: '{}' }],
          event: [{ listen: 'test', script: { exec: ['pm.test("ok")'] } }],
        },
        {
          name: 'Create user',
          request: {
            method: 'POST',
            header: [],
            body: { mode: 'raw', raw: '{"name":"Ann"}', options: { raw: { language: 'json' } } },
            url: '{{baseUrl}}/users',
            auth: { type: 'noauth' },
          },
        },
      ],
    },
    {
      name: 'Login',
      request: {
        method: 'POST',
        url: '{{baseUrl}}/login',
        body: {
          mode: 'urlencoded',
          urlencoded: [
            { key: 'user', value: 'ann' },
            { key: 'pass', value: '{{pw}}' },
          ],
        },
      },
    },
    {
      name: 'Upload',
      request: {
        method: 'POST',
        url: '{{baseUrl}}/up',
        body: {
          mode: 'formdata',
          formdata: [
            { key: 'note', value: 'hi', type: 'text' },
            { key: 'file', type: 'file', src: '/tmp/a.png' },
          ],
        },
      },
    },
    { name: 'Hawk', request: { method: 'GET', url: '{{baseUrl}}/h', auth: { type: 'hawk', hawk: [] } } },
  ],
};

const insomnia = {
  _type: 'export',
  __export_format: 4,
  resources: [
    { _id: 'wrk_1', _type: 'workspace', parentId: null, name: 'My API' },
    { _id: 'env_base', _type: 'environment', parentId: 'wrk_1', name: 'Base', data: { baseUrl: 'https://api.example', nested: { key: 'v' } } },
    { _id: 'env_prod', _type: 'environment', parentId: 'env_base', name: 'Production', data: { baseUrl: 'https://prod.example' } },
    { _id: 'fld_1', _type: 'request_group', parentId: 'wrk_1', name: 'Things', metaSortKey: 1 },
    {
      _id: 'req_1',
      _type: 'request',
      parentId: 'fld_1',
      name: 'List things',
      method: 'GET',
      url: '{{ _.baseUrl }}/things',
      parameters: [{ name: 'page', value: '1' }],
      headers: [{ name: 'X-Trace', value: '{% uuid "v4" %}' }],
      authentication: { type: 'bearer', token: '{{ _.token }}' },
      body: {},
    },
    {
      _id: 'req_2',
      _type: 'request',
      parentId: 'wrk_1',
      name: 'Post form',
      method: 'POST',
      url: '{{ baseUrl }}/f',
      body: { mimeType: 'application/x-www-form-urlencoded', params: [{ name: 'a', value: 'b' }] },
      metaSortKey: 2,
    },
    { _id: 'grpc_1', _type: 'grpc_request', parentId: 'wrk_1', name: 'gRPC call' },
  ],
};

describe('Postman Collection v2.1', () => {
  it('imports folders, variables, auth, bodies, path variables and reports what it left out', async () => {
    const result = await importText(JSON.stringify(postman21));
    expect(result.formatLabel).toBe('Postman Collection v2.1');
    const collection = result.collections[0]!;
    expect(collection.auth).toMatchObject({ kind: 'bearer', token: '{{token}}' });
    expect(collection.variables.map((v) => v.name)).toEqual(['baseUrl', 'token']);
    const requests = flattenRequests(collection.items);
    expect(requests.map((r) => [r.path.join('/'), r.request.name])).toEqual([
      ['Users', 'Get user'],
      ['Users', 'Create user'],
      ['', 'Login'],
      ['', 'Upload'],
      ['', 'Hawk'],
    ]);
    const get = requests[0]!.request.request;
    expect(get.url).toBe('{{baseUrl}}/users/{{id}}?expand=true');
    expect(get.variables).toEqual([{ name: 'id', value: '42', enabled: true }]);
    expect(get.headers[1]).toEqual({ name: 'X-Off', value: '1', enabled: false });
    // the unticked query entry is not sent but comes back unticked in the params table
    expect(get.params).toEqual([{ name: 'debug', value: '1', enabled: false }]);
    expect(draftFromSpec(get).params.map((p) => [p.name, p.enabled])).toEqual([
      ['expand', true],
      ['debug', false],
    ]);
    expect(get.auth).toEqual({ kind: 'basic', username: 'ann', password: '{{pw}}' });
    expect(requests[1]!.request.request.auth).toEqual({ kind: 'none' });
    expect(requests[1]!.request.request.body).toEqual({ kind: 'json', text: '{"name":"Ann"}' });
    expect(requests[2]!.request.request.body.kind).toBe('form');
    expect(requests[3]!.request.request.body).toMatchObject({ kind: 'multipart', parts: [{ kind: 'text' }, { kind: 'file', file: null }] });
    // scripts are kept to run in the sandbox, not dropped with a warning
    expect(collection.scripts).toEqual({ preRequest: 'pm.environment.set("a", 1)' });
    expect(get.scripts).toEqual({ postResponse: 'pm.test("ok")' });
    const messages = result.warnings.map((w) => `${w.item}: ${w.message}`);
    expect(messages.some((m) => /script/i.test(m))).toBe(false);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Users \/ Get user: 1 saved example/),
        expect.stringMatching(/^Upload: The file for form part "file"/),
        expect.stringMatching(/^Hawk: The auth type "hawk"/),
      ]),
    );
  });

  it('imports v2.0 auth objects', async () => {
    const v20 = {
      info: { name: 'Old', schema: 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json' },
      item: [{ name: 'A', request: { url: 'https://h/a', method: 'GET', auth: { type: 'basic', basic: { username: 'u', password: 'p' } } } }],
    };
    const result = await importText(JSON.stringify(v20));
    expect(result.formatLabel).toBe('Postman Collection v2.0');
    expect(flattenRequests(result.collections[0]!.items)[0]!.request.request.auth).toEqual({ kind: 'basic', username: 'u', password: 'p' });
  });

  it('round trip: import → export v2.1 → import gives the same requests', async () => {
    const first = await importText(JSON.stringify(postman21));
    const collection: ImportedCollection = first.collections[0]!;
    const exported = toPostmanCollection(collection);
    const second = await importText(exported);
    const strip = (c: ImportedCollection) => flattenRequests(c.items).map(({ path, request }) => ({ path, name: request.name, request: request.request }));
    expect(strip(second.collections[0]!)).toEqual(strip(collection));
    expect(second.collections[0]!.auth).toEqual(collection.auth);
    expect(second.collections[0]!.scripts).toEqual(collection.scripts);
  });
});

describe('Postman environment', () => {
  it('imports the variables as an environment, the ones Postman marks secret as secrets bound for the vault', async () => {
    const result = await importText(
      JSON.stringify({
        name: 'Prod',
        _postman_variable_scope: 'environment',
        values: [
          { key: 'baseUrl', value: 'https://p', enabled: true },
          { key: 'token', value: 't', type: 'secret', enabled: false },
        ],
      }),
    );
    expect(result.environments).toEqual([
      {
        name: 'Prod',
        variables: [
          { name: 'baseUrl', value: 'https://p', enabled: true },
          { name: 'token', value: 't', enabled: false, secret: true },
        ],
      },
    ]);
    // the secret is carried over (its value goes to the vault): nothing to count as not carried over
    expect(result.warnings).toEqual([]);
    expect(describeImport(summarizeImport(result))).toBe('0 requests, 1 environment');
  });
});

describe('auth semantics on import', () => {
  it('Postman: no auth key or "inherit" → Inherit from parent, "noauth" → No auth', async () => {
    const result = await importText(JSON.stringify(postman21));
    const byName = new Map(flattenRequests(result.collections[0]!.items).map((r) => [r.request.name, r.request.request.auth]));
    expect(byName.get('Login')).toEqual({ kind: 'inherit' });
    expect(byName.get('Create user')).toEqual({ kind: 'none' });
    // a folder's auth is pushed down to requests that inherit
    expect(byName.get('Get user')).toMatchObject({ kind: 'basic', username: 'ann' });
    const explicit = { ...postman21, item: [{ name: 'X', request: { method: 'GET', url: 'https://x.test', auth: { type: 'inherit' } } }] };
    const again = await importText(JSON.stringify(explicit));
    expect(flattenRequests(again.collections[0]!.items)[0]!.request.request.auth).toEqual({ kind: 'inherit' });
    expect(again.warnings.map((w) => w.message).join(' ')).not.toContain('"inherit"');
  });

  it('Insomnia: empty authentication → Inherit from parent, type "none" → No auth', async () => {
    const resources = [
      ...insomnia.resources,
      { _id: 'req_3', _type: 'request', parentId: 'wrk_1', name: 'No auth', method: 'GET', url: 'https://x.test', authentication: { type: 'none' } },
    ];
    const result = await importText(JSON.stringify({ ...insomnia, resources }));
    const byName = new Map(flattenRequests(result.collections[0]!.items).map((r) => [r.request.name, r.request.request.auth]));
    expect(byName.get('Post form')).toEqual({ kind: 'inherit' });
    expect(byName.get('No auth')).toEqual({ kind: 'none' });
  });

  // New-user pass: curl requests imported into a collection with a Bearer token sent none of it ("No auth")
  it('curl: a command with no credential → Inherit from parent; -u, --oauth2-bearer or an Authorization header keep theirs', async () => {
    const result = await importText(
      [
        'curl https://api.shop.test/items',
        'curl -u ann:pw https://api.shop.test/me',
        'curl --oauth2-bearer tok https://api.shop.test/orders',
        "curl -H 'Authorization: Token abc' https://api.shop.test/legacy",
      ].join('\n'),
    );
    const auths = flattenRequests(result.collections[0]!.items).map((r) => r.request.request.auth.kind);
    expect(auths).toEqual(['inherit', 'basic', 'bearer', 'none']);
  });
});

describe('Insomnia v4', () => {
  it('reads the YAML variant the same way', async () => {
    const result = await importText(stringifyYaml(insomnia));
    expect(result.formatLabel).toBe('Insomnia export v4');
    expect(flattenRequests(result.collections[0]!.items)).toHaveLength(2);
  });

  it('imports workspace, folders, requests, environments and converts templates', async () => {
    const result = await importText(JSON.stringify(insomnia));
    const collection = result.collections[0]!;
    expect(collection.name).toBe('My API');
    expect(collection.variables).toEqual([
      { name: 'baseUrl', value: 'https://api.example', enabled: true },
      { name: 'nested.key', value: 'v', enabled: true },
    ]);
    expect(result.environments).toEqual([{ name: 'Production', variables: [{ name: 'baseUrl', value: 'https://prod.example', enabled: true }] }]);
    const requests = flattenRequests(collection.items);
    expect(requests.map((r) => r.request.name)).toEqual(['List things', 'Post form']);
    expect(requests[0]!.request.request).toMatchObject({
      url: '{{baseUrl}}/things',
      params: [{ name: 'page', value: '1', enabled: true }],
      auth: { kind: 'bearer', token: '{{token}}' },
    });
    expect(requests[1]!.request.request.url).toBe('{{baseUrl}}/f');
    expect(result.warnings.map((w) => w.item)).toEqual(expect.arrayContaining(['Things / List things', 'gRPC call']));
  });
});

describe('HAR 1.2', () => {
  it('imports entries, drops pseudo-headers, and round-trips through the HAR exporter', async () => {
    const spec = httpRequestSpecSchema.parse({
      method: 'PUT',
      url: 'https://h.example/items/1?x=1',
      headers: [{ name: 'X-A', value: 'b' }],
      body: { kind: 'json', text: '{"a":1}' },
    });
    const har = toHar([prepareExport(spec, { layers: [] })], '0.1.0');
    har.log.entries[0]!.request.headers.push({ name: ':authority', value: 'h.example' });
    const result = await importText(JSON.stringify(har));
    const imported = flattenRequests(result.collections[0]!.items)[0]!.request;
    expect(imported.name).toBe('PUT /items/1');
    expect(imported.request.method).toBe('PUT');
    expect(imported.request.url).toBe(spec.url);
    expect(imported.request.headers).toEqual([{ name: 'X-A', value: 'b', enabled: true }]);
    expect(imported.request.body).toEqual(spec.body);
  });
});

describe('malformed input: a clear error and nothing imported', () => {
  it.each([
    ['empty', '   ', /empty/],
    ['broken JSON', '{"info": ', /not valid JSON/],
    ['broken JSON, said where', '{\n  "info": {"name": "x"},\n  "item": ]\n}', /not valid JSON at line 3, column 11\./],
    ['unknown JSON', '{"hello": 1}', /does not recognise/],
    ['Postman without items', JSON.stringify({ info: { name: 'x', schema: 'postman v2.1' } }), /Postman collection/],
    [
      'Postman item that is neither',
      JSON.stringify({ info: { name: 'x', schema: 'postman' }, item: [{ name: 'odd' }] }),
      /Nothing in this collection could be imported: "odd": it has neither a "request" nor an "item" list/,
    ],
    ['Insomnia wrong version', JSON.stringify({ _type: 'export', __export_format: 3, resources: [] }), /Insomnia v4/],
    [
      'HAR with a bad entry',
      JSON.stringify({ log: { version: '1.2', creator: { name: 'x', version: '1' }, entries: [{ startedDateTime: 'x' }] } }),
      /log\.entries\[0\]/,
    ],
    ['OpenAPI without paths', 'openapi: 3.1.0\ninfo: {title: x, version: "1"}\n', /no paths/],
    ['bad YAML', 'openapi: [3.1\n  : :', /neither JSON nor YAML/],
    ['curl without URL', 'curl -v', /no URL/],
    [
      'YAML alias bomb',
      [
        'a: &a ["x","x","x","x","x","x","x","x","x"]',
        ...Array.from(
          { length: 8 },
          (_, i) =>
            `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
              .fill(`*${String.fromCharCode(97 + i)}`)
              .join(',')}]`,
        ),
      ].join('\n'),
      /neither JSON nor YAML|alias/i,
    ],
  ])('%s', async (_name, text, message) => {
    await expect(importText(text)).rejects.toThrow(message);
  });
});

describe('unticked params from imports', () => {
  it('OpenAPI: an optional query parameter arrives unticked in the params table, a required one ticked in the URL', async () => {
    const doc = {
      openapi: '3.0.3',
      info: { title: 'Pets', version: '1' },
      servers: [{ url: 'http://localhost:8080' }],
      paths: {
        '/pets': {
          get: {
            operationId: 'listPets',
            parameters: [
              { name: 'limit', in: 'query', required: true, schema: { type: 'integer', example: 10 } },
              { name: 'tag', in: 'query', schema: { type: 'string', example: 'cat' } },
            ],
            responses: { '200': { description: 'ok' } },
          },
        },
      },
    };
    const result = await importText(JSON.stringify(doc));
    const spec = flattenRequests(result.collections[0]!.items)[0]!.request.request;
    const draft = draftFromSpec(spec);
    expect(draft.params.map((p) => [p.name, p.value, p.enabled])).toEqual([
      ['limit', '10', true],
      ['tag', 'cat', false],
    ]);
    expect(draft.url).toBe('{{baseUrl}}/pets?limit=10');
  });
});

// Found by a new-user pass: every curl import made a collection called "curl", and a second one another "curl".
describe('the collection a curl import makes', () => {
  it('is named after the host its commands call', async () => {
    const result = await importText("curl 'https://api.shop.test:8443/users?page=2'\ncurl -X POST https://api.shop.test:8443/users -d '{}'");
    expect(result.collections.map((c) => c.name)).toEqual(['api.shop.test:8443']);
  });

  it('says "curl commands" when they call more than one host, or a host is a variable', async () => {
    const two = await importText('curl https://a.test/x\ncurl https://b.test/y');
    expect(two.collections[0]!.name).toBe('curl commands');
    const variable = await importText("curl '{{baseUrl}}/x'");
    expect(variable.collections[0]!.name).toBe('curl commands');
  });
});
