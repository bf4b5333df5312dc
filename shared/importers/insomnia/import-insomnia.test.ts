import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importText } from '../import-text';
import { flattenRequests } from '../walk';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe("Insomnia: requests under a workspace that is not in the file (what Insomnia's own importers write)", () => {
  it('imports them under a new collection and says so', async () => {
    const result = await importText(fixture('importer-output-basic-auth-v2_1.json'));
    expect(result.collections).toHaveLength(1);
    const collection = result.collections[0]!;
    expect(collection.name).toBe('Insomnia import');
    const requests = flattenRequests(collection.items);
    expect(requests.map((r) => [r.path.join('/'), r.request.name])).toEqual([['Basic Auth Test', 'Basic Auth']]);
    expect(requests[0]!.request.request).toMatchObject({
      method: 'GET',
      url: 'https://insomnia.rest',
      auth: { kind: 'basic', username: 'basic-username', password: 'basic-password' },
    });
    expect(result.warnings).toEqual([
      {
        item: 'Insomnia import',
        message: '1 item belongs to workspace "__WORKSPACE_ID__", which is not in the file; it was imported into this new collection.',
      },
    ]);
  });

  it('keeps a request with no name or URL rather than losing it', async () => {
    const result = await importText(fixture('importer-output-minimal-v2_0.json'));
    const requests = flattenRequests(result.collections[0]!.items);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.path).toEqual(['Minimal Test Collection']);
  });

  it('a file with its workspace plus resources under a missing one imports both', async () => {
    const json = JSON.parse(fixture('importer-output-basic-auth-v2_1.json')) as { resources: unknown[] };
    json.resources.push(
      { _id: 'wrk_1', _type: 'workspace', name: 'Mine' },
      { _id: 'req_2', _type: 'request', parentId: 'wrk_1', name: 'Own', method: 'GET', url: 'https://own.test' },
    );
    const result = await importText(JSON.stringify(json));
    expect(result.collections.map((c) => [c.name, flattenRequests(c.items).map((r) => r.request.name)])).toEqual([
      ['Mine', ['Own']],
      ['Insomnia import (__WORKSPACE_ID__)', ['Basic Auth']],
    ]);
  });
});

describe('Insomnia v5 (YAML export of Insomnia 10 and later)', () => {
  it('imports requests, bodies, headers, auth, base and sub environments, and keeps its scripts to run in the sandbox', async () => {
    const result = await importText(fixture('v5-core-workflow.yaml'));
    expect(result.format).toBe('insomnia');
    expect(result.formatLabel).toBe('Insomnia collection v5 (5.1)');
    const collection = result.collections[0]!;
    expect(collection.name).toBe('Core Workflow Tests');
    expect(collection.variables).toEqual([
      { name: 'base_url', value: 'http://127.0.0.1:4010', enabled: true },
      { name: 'pet_id', value: '42', enabled: true },
      { name: 'item_id', value: 'placeholder', enabled: true },
    ]);
    expect(result.environments).toEqual([{ name: 'Staging', variables: [{ name: 'pet_id', value: '1', enabled: true }] }]);
    const requests = flattenRequests(collection.items).map((r) => r.request);
    // sortKey order (most negative first), as Insomnia shows them
    expect(requests.map((r) => r.name)).toEqual(['authenticated request', 'echo with custom header', 'get created item', 'create item', 'get pet by id']);
    const create = requests.find((r) => r.name === 'create item')!.request;
    expect(create).toMatchObject({
      method: 'POST',
      url: '{{base_url}}/simple-crud',
      body: { kind: 'json', text: '{\n  "name": "Widget",\n  "price": 9.99\n}' },
    });
    expect(create.headers).toEqual([{ name: 'Content-Type', value: 'application/json', enabled: true }]);
    expect(requests.find((r) => r.name === 'authenticated request')!.request.auth).toEqual({ kind: 'basic', username: 'user', password: 'pass' });
    expect(requests.find((r) => r.name === 'get pet by id')!.request.url).toBe('{{base_url}}/pets/{{pet_id}}');
    expect(create.scripts?.postResponse).toMatch(/^const json = JSON.parse\(insomnia.response.text\(\)\);\ninsomnia.environment.set\('item_id', json.id\);/);
    expect(create.scripts?.preRequest).toBeUndefined();
    expect(result.warnings).toEqual([]);
  });

  it('imports nested folders; folder environments reach their requests as request variables, and that is said', async () => {
    const result = await importText(fixture('v5-environment-cascade-collection.yaml'));
    const requests = flattenRequests(result.collections[0]!.items);
    expect(requests.map((r) => [r.path.join('/'), r.request.name])).toEqual([
      // innerFolder's sortKey is lower than its sibling request's
      ['cascadeFolder/innerFolder', 'inner request'],
      ['cascadeFolder', 'cascade request'],
      ['', 'cascade request no folder'],
    ]);
    expect(requests[0]!.request.request.variables).toEqual([
      { name: 'folderOverride', value: 'fromInnerFolder', enabled: true },
      { name: 'cascadeVar', value: 'fromFolder', enabled: true },
    ]);
    expect(requests[2]!.request.request.variables).toEqual([]);
    expect(result.environments.map((e) => e.name)).toEqual(['SubEnvA', 'SubEnvB']);
    expect(result.warnings.map((w) => w.item)).toEqual(['cascadeFolder', 'cascadeFolder / innerFolder']);
    expect(result.warnings[0]!.message).toMatch(/environment \(cascadeVar, folderOverride\) was added to each of its requests as request variables/);
  });

  it('reports an auth type it does not have and the cookie jar it leaves out, each against its item', async () => {
    const result = await importText(fixture('v5-auth-types.yaml'));
    const requests = flattenRequests(result.collections[0]!.items).map((r) => r.request);
    expect(requests[1]!.request.headers).toEqual([{ name: 'Authorization', value: 'Basic dXNlcjpwYXNz', enabled: false }]);
    expect(result.warnings.map((w) => `${w.item}: ${w.message}`)).toEqual([
      "Auth tests: The cookie jar's 1 cookie was not imported.",
      'sends request with oauth1: The auth type "oauth1" is not supported; the request has no auth.',
    ]);
  });

  it('folder auth and headers reach the requests that inherit', async () => {
    const yaml = [
      'type: collection.insomnia.rest/5.0',
      'name: Folders',
      'collection:',
      '  - name: Admin',
      '    authentication: { type: bearer, token: "{{ _.token }}" }',
      '    headers: [{ name: X-Team, value: core }]',
      '    children:',
      '      - { name: Stats, method: GET, url: https://x.test/stats }',
      '      - { name: Open, method: GET, url: https://x.test/open, authentication: { type: none }, headers: [{ name: x-team, value: mine }] }',
    ].join('\n');
    const result = await importText(yaml);
    const [stats, open] = flattenRequests(result.collections[0]!.items).map((r) => r.request.request);
    expect(stats!.auth).toMatchObject({ kind: 'bearer', token: '{{token}}' });
    expect(stats!.headers).toEqual([{ name: 'X-Team', value: 'core', enabled: true }]);
    expect(open!.auth).toEqual({ kind: 'none' });
    expect(open!.headers).toEqual([{ name: 'x-team', value: 'mine', enabled: true }]);
    expect(result.warnings).toEqual([{ item: 'Admin', message: "The folder's header was added to each of its requests (Courier folders have no headers)." }]);
  });

  it('an environment file imports its environments only; a mock server file is refused with a clear message', async () => {
    const env =
      'type: environment.insomnia.rest/5.0\nname: Envs\nenvironments:\n  name: Base\n  data: { host: a, port: "1" }\n  subEnvironments:\n    - { name: Prod, data: { host: p } }\n';
    const result = await importText(env);
    expect(result.collections).toEqual([]);
    expect(result.environments).toEqual([
      {
        name: 'Prod',
        variables: [
          { name: 'host', value: 'p', enabled: true },
          { name: 'port', value: '1', enabled: true },
        ],
      },
    ]);
    await expect(importText('type: mock.insomnia.rest/5.0\nname: M\n')).rejects.toThrow(/mock server, not requests/);
  });
});

describe('Insomnia v4 written as flow-style YAML (as inso writes it)', () => {
  it('is read as YAML, not refused as broken JSON', async () => {
    const text =
      "{_type: export, __export_format: 4, resources: [{_id: wrk_1, _type: workspace, name: W}, {_id: req_1, _type: request, parentId: wrk_1, name: R, method: GET, url: 'https://x.test'}]}";
    const result = await importText(text);
    expect(flattenRequests(result.collections[0]!.items).map((r) => r.request.name)).toEqual(['R']);
  });
});

describe('Insomnia path parameters and redirect setting', () => {
  it(':id path parameters become {{id}} with their value as a request variable; followRedirects on/off is kept', async () => {
    const yaml = [
      'type: collection.insomnia.rest/5.0',
      'name: Paths',
      'collection:',
      '  - name: User',
      '    method: GET',
      '    url: https://x.test/users/:id/posts',
      '    pathParameters: [{ name: id, value: "42" }]',
      '    settings: { followRedirects: off, encodeUrl: true }',
    ].join('\n');
    const result = await importText(yaml);
    const spec = flattenRequests(result.collections[0]!.items)[0]!.request.request;
    expect(spec.url).toBe('https://x.test/users/{{id}}/posts');
    expect(spec.variables).toEqual([{ name: 'id', value: '42', enabled: true }]);
    expect(spec.settings.followRedirects).toBe(false);
  });

  it("reports Insomnia's unit test suites as not carried over, with the reason and what to use instead (v4 and v5)", async () => {
    const reason =
      "was not imported: Insomnia's unit tests send requests themselves (insomnia.send()), which Courier's scripts do not. Write the checks as the request's Tests or as a post-response script.";
    const v5 = [
      'type: collection.insomnia.rest/5.0',
      'name: Suites',
      'collection:',
      '  - name: ping',
      '    url: https://x.test/ping',
      '    method: GET',
      'testSuites:',
      '  - name: Smoke',
      '    tests:',
      '      - name: is up',
      '        code: "const r = await insomnia.send(); expect(r.status).to.equal(200);"',
    ].join('\n');
    expect((await importText(v5)).warnings.map((w) => `${w.item}: ${w.message}`)).toEqual([`Suites: 1 test suite ${reason}`]);
    const v4 = JSON.stringify({
      __export_format: 4,
      resources: [
        { _id: 'wrk_1', _type: 'workspace', name: 'Suites' },
        { _id: 'req_1', _type: 'request', parentId: 'wrk_1', name: 'ping', url: 'https://x.test/ping', method: 'GET' },
        { _id: 'uts_1', _type: 'unit_test_suite', parentId: 'wrk_1', name: 'Smoke' },
        { _id: 'ut_1', _type: 'unit_test', parentId: 'uts_1', name: 'is up', requestId: 'req_1', code: 'expect(1).to.equal(1);' },
      ],
    });
    expect((await importText(v4)).warnings.map((w) => `${w.item}: ${w.message}`)).toEqual([`Smoke: The test suite ${reason}`]);
  });
});
