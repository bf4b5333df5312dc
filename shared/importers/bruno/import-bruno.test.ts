import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importResultSchema, type ImportedFolder, type ImportedRequest } from '../../contract';
import { flattenRequests } from '../walk';
import { importBrunoFolder, type BrunoFile } from './import-bruno';
import { parseBru } from './parse-bru';

export function readFolder(root: string): BrunoFile[] {
  const out: BrunoFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name !== 'README.md') out.push({ path: relative(root, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  walk(root);
  return out;
}

const fixtures = join(import.meta.dirname, 'fixtures');
const request = (items: ReturnType<typeof importBrunoFolder>, name: string): ImportedRequest => {
  const found = flattenRequests(items.collections[0]!.items).find((entry) => entry.request.name === name);
  if (!found) throw new Error(`no request ${name}`);
  return found.request;
};

describe('parseBru', () => {
  it('reads dictionaries, text blocks, quoted keys, multi-line values, annotations and lists', () => {
    const blocks = parseBru(
      'headers {\n  @description(\'\'\'\n    two\n    lines\n  \'\'\')\n  "a: b": c\n  ~off: x\n}\n\nbody:json {\n  {\n    "k": "}"\n  }\n}\nvars:secret [\n  a,\n  b\n]\n',
    );
    expect(blocks).toEqual([
      {
        kind: 'dict',
        name: 'headers',
        line: 1,
        pairs: [
          { key: 'a: b', value: 'c', enabled: true },
          { key: 'off', value: 'x', enabled: false },
        ],
      },
      { kind: 'text', name: 'body:json', line: 10, text: '{\n  "k": "}"\n}' },
      { kind: 'list', name: 'vars:secret', line: 15, values: ['a', 'b'] },
    ]);
  });

  it('reads a multi-line value closed by a line with an annotation after it (bruno-tests echo multipart.bru, 2025)', () => {
    const blocks = parseBru(
      'body:multipart-form {\n  foo: {"bar":"baz"} @contentType(application/json--test)\n  multiline: \'\'\'\n    "multiline-test"\n  \'\'\' @contentType(application/json--multiline--test)\n  file: @file(bruno.png)\n}\n',
    );
    expect(blocks[0]).toMatchObject({
      pairs: [
        { key: 'foo', value: '{"bar":"baz"} @contentType(application/json--test)' },
        { key: 'multiline', value: '"multiline-test" @contentType(application/json--multiline--test)' },
        { key: 'file', value: '@file(bruno.png)' },
      ],
    });
  });

  it('keeps a saved example (nested blocks) and blocks it does not know as text, so the request still imports', () => {
    const blocks = parseBru('get {\n  url: https://x\n}\n\nexample {\n  name: ok\n  response:body {\n    {}\n  }\n}\n\nfuture:block {\n  some text\n}\n');
    expect(blocks.map((block) => `${block.kind}:${block.name}`)).toEqual(['dict:get', 'text:example', 'text:future:block']);
  });

  it('refuses an unclosed block with its line', () => {
    expect(() => parseBru('meta {\n  name: x\n')).toThrow(/Line 1: the meta block is not closed/);
  });
});

describe('Bruno collection folder (usebruno/bruno packages/bruno-tests/collection)', () => {
  const result = importBrunoFolder(readFolder(join(fixtures, 'bruno-testbench')));

  it('imports every request into its folder, with the collection auth, headers and variables', () => {
    expect(importResultSchema.parse(result)).toBeTruthy();
    const collection = result.collections[0]!;
    expect(collection.name).toBe('bruno-testbench');
    expect(collection.auth).toEqual({ kind: 'bearer', token: '{{bearer_auth_token}}', prefix: 'Bearer' });
    expect(collection.variables.find((variable) => variable.name === 'coll_obj')?.value).toBe('{"scope":"collection"}');
    expect(collection.items.map((item) => `${item.type}:${item.name}`)).toEqual(['folder:auth', 'folder:echo', 'folder:graphql']);
    expect(flattenRequests(collection.items).map((entry) => [...entry.path, entry.request.name].join(' / '))).toEqual([
      'auth / inherit auth / inherit Bearer Auth 200',
      'echo / echo json',
      'echo / echo multipart',
      'echo / echo form-url-encoded',
      'graphql / spacex',
    ]);
    // the empty "digest" folder (folder.bru only) is kept, named by its meta
    expect((collection.items[0] as ImportedFolder).items.map((item) => item.name)).toEqual(['digest', 'inherit auth']);
  });

  it('maps method, URL, body modes and auth modes', () => {
    const json = request(result, 'echo json').request;
    expect(json.method).toBe('POST');
    expect(json.url).toBe('{{host}}/api/echo/json');
    expect(json.body).toEqual({ kind: 'json', text: '{\n  "hello": "bruno"\n}' });
    // auth: none beats the auth:basic block the file also keeps
    expect(json.auth).toEqual({ kind: 'none' });
    expect(json.headers.map((header) => `${header.name}: ${header.value}`)).toEqual([
      'check: again',
      'token: {{collection_pre_var_token}}',
      'collection-header: collection-header-value',
      'foo: bar',
    ]);
    expect(request(result, 'inherit Bearer Auth 200').request.auth).toEqual({ kind: 'inherit' });
    expect(request(result, 'echo form-url-encoded').request.body).toEqual({
      kind: 'form',
      fields: [
        { name: 'form-data-key', value: '{{form-data-key}}', enabled: true },
        { name: 'form-data-stringified-object', value: '{{form-data-stringified-object}}', enabled: true },
        { name: 'key_1', value: 'value_1', enabled: true },
        { name: 'key_2', value: 'value_2', enabled: true },
        { name: 'key_1', value: 'value_3', enabled: true },
        { name: 'key_2', value: 'value_4', enabled: true },
      ],
    });
    expect(request(result, 'echo multipart').request.body).toEqual({
      kind: 'multipart',
      parts: [
        { kind: 'text', name: 'foo', value: '{{foo}}', enabled: true },
        { kind: 'file', name: 'file', file: null, enabled: true },
      ],
    });
    expect(request(result, 'spacex').request.body).toMatchObject({ kind: 'graphql', query: '{\n  company {\n    ceo\n  }\n}' });
  });

  it('carries assertions, scripts and tests into the Tests and Scripts tabs, and names what it did not carry', () => {
    const about = (item: string) => result.warnings.filter((warning) => warning.item === item).map((warning) => warning.message);
    const echo = request(result, 'echo json').request;
    expect(echo.tests?.assertions).toEqual([{ enabled: true, target: 'status', property: '', operator: 'equals', expected: '200' }]);
    expect(echo.scripts?.preRequest).toBe('bru.setVar("foo", "foo-world-2");');
    expect(echo.scripts?.postResponse).toMatch(/^test\("should return json", function\(\) \{/);
    expect(about('echo / echo json')).toEqual([]);
    const inherit = request(result, 'inherit Bearer Auth 200').request;
    // "res.status: 200" has no operator: Bruno reads it as eq
    expect(inherit.tests?.assertions).toEqual([
      { enabled: true, target: 'status', property: '', operator: 'equals', expected: '200' },
      { enabled: true, target: 'jsonPath', property: '$.message', operator: 'equals', expected: 'Authentication successful' },
    ]);
    expect(inherit.scripts).toEqual({ postResponse: 'bru.setEnvVar("foo", "bar");' });
    expect(about('auth / inherit auth / inherit Bearer Auth 200')).toEqual([]);
    expect(about('echo / echo multipart')).toEqual(expect.arrayContaining([expect.stringMatching(/file for form part "file" \(bruno.png\)/)]));
    expect(result.collections[0]!.scripts?.preRequest).toBeTruthy();
    expect(about('(collection)')).toEqual(expect.arrayContaining([expect.stringMatching(/docs/)]));
    expect(about('(collection)').some((message) => /script|tests/i.test(message))).toBe(false);
  });

  it('reads environments; process.env references become $env', () => {
    expect(result.environments.map((environment) => environment.name)).toEqual(['Prod']);
    const prod = result.environments[0]!.variables;
    expect(prod.find((variable) => variable.name === 'bark')?.value).toBe('{{$env.PROC_ENV_VAR}}');
    expect(prod.find((variable) => variable.name === 'echo-host')?.value).toBe('https://echo.usebruno.com');
  });
});

describe('Bruno collection folder (own minimal fixture)', () => {
  const result = importBrunoFolder(readFolder(join(fixtures, 'courier-minimal')));

  it('hands folder headers, auth and variables down; request headers win; path params become variables', () => {
    const get = request(result, 'Get user').request;
    expect(get.url).toBe('{{baseUrl}}/{{version}}/users/{{id}}?expand=profile');
    expect(get.params).toEqual([{ name: 'debug', value: 'true', enabled: false }]);
    expect(get.headers.map((header) => `${header.name}: ${header.value}`)).toEqual(['X-Team: core', 'Accept: application/json', 'X-Folder: overridden']);
    expect(get.auth).toEqual({ kind: 'bearer', token: '{{userToken}}', prefix: 'Bearer' });
    expect(get.variables).toEqual([
      { name: 'version', value: 'v2', enabled: true },
      { name: 'id', value: '42', enabled: true },
    ]);
    const create = request(result, 'Create user').request;
    expect(create.auth).toEqual({ kind: 'basic', username: 'admin', password: '{{password}}' });
    expect(create.headers.map((header) => header.name)).toEqual(['X-Team', 'X-Folder', 'X-Odd: Name']);
    expect(create.variables).toEqual([
      { name: 'version', value: 'v2', enabled: true },
      { name: 'local', value: '1', enabled: true },
    ]);
    expect(create.body).toEqual({ kind: 'json', text: '{\n  "name": "Ada",\n  "note": "a } inside"\n}' });
  });

  it('maps the collection auth, form fields with multi-line values, GraphQL and OAuth 2.0', () => {
    const collection = result.collections[0]!;
    expect(collection.auth).toEqual({ kind: 'apikey', name: 'X-Api-Key', value: '{{apiKey}}', in: 'header' });
    expect(collection.variables).toEqual([{ name: 'baseUrl', value: 'https://api.example.com', enabled: true }]);
    expect(collection.items.map((item) => item.name)).toEqual(['Users', 'Login', 'Search']);
    expect(request(result, 'Login').request.body).toEqual({
      kind: 'form',
      fields: [
        { name: 'user', value: 'ada', enabled: true },
        { name: 'remember', value: 'yes', enabled: false },
        { name: 'note', value: 'line one\nline two', enabled: true },
      ],
    });
    expect(request(result, 'Login').request.settings).toMatchObject({ deadlineMs: 5000, followRedirects: false, maxRedirects: 3 });
    const search = request(result, 'Search').request;
    expect(search.body).toEqual({
      kind: 'graphql',
      query: 'query Find($q: String) {\n  search(q: $q) { id }\n}',
      variables: '{"q": "{{$env.QUERY}}"}',
      operationName: '',
      method: 'POST',
    });
    expect(search.auth).toMatchObject({
      kind: 'oauth2',
      grant: 'client_credentials',
      tokenUrl: '{{baseUrl}}/token',
      clientId: 'courier',
      clientSecret: '{{clientSecret}}',
      scope: 'read',
    });
  });

  it('imports secret environment variables without values, and says so', () => {
    expect(result.environments).toEqual([
      {
        name: 'Staging',
        variables: [
          { name: 'baseUrl', value: 'https://staging.example.com', enabled: true },
          { name: 'unused', value: 'off', enabled: false },
          { name: 'apiKey', value: '', enabled: true, secret: true },
          { name: 'password', value: '', enabled: true, secret: true },
        ],
      },
    ]);
    expect(result.warnings).toContainEqual({
      item: 'Environment Staging',
      message: expect.stringMatching(/2 secret variables \(apiKey, password\) imported without their values/),
    });
    expect(result.warnings).toContainEqual({ item: 'Users / Get user', message: expect.stringMatching(/Docs not carried/) });
    expect(request(result, 'Create user').request.scripts).toEqual({ postResponse: 'bru.setVar("id", res.body.id);' });
    expect(request(result, 'Login').request.tests?.assertions).toEqual([
      { enabled: true, target: 'status', property: '', operator: 'equals', expected: '200' },
    ]);
    expect(request(result, 'Login').request.scripts).toEqual({ postResponse: 'test("ok", () => {});' });
  });

  it('refuses a folder without bruno.json', () => {
    expect(() => importBrunoFolder([{ path: 'a.bru', text: 'meta {\n}\n' }])).toThrow(/no bruno.json/);
  });
});

describe('Bruno collection folder in the YAML (OpenCollection) format', () => {
  const result = importBrunoFolder(readFolder(join(fixtures, 'courier-yaml')));

  it('reads opencollection.yml, folder.yml, request and environment .yml files like their .bru counterparts', () => {
    expect(importResultSchema.parse(result).formatLabel).toBe('Bruno collection (YAML)');
    const collection = result.collections[0]!;
    expect(collection.name).toBe('YAML API');
    expect(collection.auth).toEqual({ kind: 'bearer', token: '{{token}}', prefix: 'Bearer' });
    expect(collection.variables).toEqual([{ name: 'baseUrl', value: 'https://api.example.com', enabled: true }]);
    expect(collection.items.map((item) => item.name)).toEqual(['Users', 'Search', 'Login']);
    const create = request(result, 'Create User').request;
    expect(create).toMatchObject({
      method: 'POST',
      url: '{{baseUrl}}/users/{{org}}',
      params: [
        { name: 'notify', value: 'true', enabled: true },
        { name: 'debug', value: '1', enabled: false },
      ],
      headers: [
        { name: 'X-Team', value: 'core' },
        { name: 'Accept', value: 'application/json' },
      ],
      body: { kind: 'json', text: '{\n  "name": "Booth Visitor"\n}' },
      auth: { kind: 'basic', username: 'ann', password: '{{pw}}' },
      variables: [{ name: 'org', value: 'acme', enabled: true }],
    });
    expect(request(result, 'Search').request).toMatchObject({
      body: { kind: 'graphql', query: 'query { me { id } }', variables: '{"a": 1}' },
      auth: { kind: 'apikey', name: 'X-Key', value: '{{key}}', in: 'query' },
    });
    expect(request(result, 'Login').request.body).toEqual({
      kind: 'form',
      fields: [
        { name: 'user', value: 'ann', enabled: true },
        { name: 'remember', value: 'yes', enabled: false },
      ],
    });
    expect(result.environments).toEqual([
      {
        name: 'Dev',
        variables: [
          { name: 'baseUrl', value: 'http://localhost:4100', enabled: true },
          { name: 'token', value: '', enabled: true, secret: true },
        ],
      },
    ]);
    expect(result.warnings.map((warning) => `${warning.item}: ${warning.message}`)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Environment Dev: 1 secret variable \(token\)/)]),
    );
    expect(create.tests?.assertions).toEqual([{ enabled: true, target: 'status', property: '', operator: 'equals', expected: '201' }]);
    expect(create.scripts).toEqual({ postResponse: 'test("created", () => {});' });
  });
});

describe('Bruno YAML collection (usebruno/bruno packages/bruno-tests/yml-collection)', () => {
  it('imports typed variables as their text, multipart and form bodies, environments', () => {
    const result = importBrunoFolder(readFolder(join(fixtures, 'bruno-yml-testbench')));
    const collection = result.collections[0]!;
    expect(collection.name).toBe('bruno-yml-testbench');
    expect(collection.variables.map((variable) => `${variable.name}=${variable.value}`)).toEqual([
      'coll_str=collection_string',
      'coll_num=100',
      'coll_bool=false',
      'coll_obj={"scope":"collection"}',
    ]);
    const requests = flattenRequests(collection.items);
    expect(requests.map((entry) => [...entry.path, entry.request.name].join(' / '))).toEqual([
      'variable-datatypes / typed vars',
      'variable-datatypes / form-urlencoded',
      'variable-datatypes / multipart',
    ]);
    const multipart = request(result, 'multipart').request;
    expect(multipart.body).toMatchObject({
      kind: 'multipart',
      parts: [{ name: 'mp_str', value: '{{mp_str}}' }, { name: 'mp_num' }, { name: 'mp_bool' }, { name: 'mp_obj' }],
    });
    expect(multipart.variables).toEqual(
      expect.arrayContaining([
        { name: 'fold_num', value: '200', enabled: true },
        { name: 'mp_num', value: '42', enabled: true },
      ]),
    );
    expect(result.environments.map((environment) => environment.name)).toEqual(['Local', 'Prod']);
    expect(result.environments[0]!.variables).toContainEqual({ name: 'typed_env_obj', value: '{"scope":"env"}', enabled: true });
    expect(multipart.scripts?.postResponse).toMatch(/test\(/);
  });
});
