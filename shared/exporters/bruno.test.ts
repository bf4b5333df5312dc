import { describe, expect, it } from 'vitest';
import { httpRequestSpecSchema, type HttpRequestSpec, type HttpRequestSpecInput, type ImportedCollection } from '../contract';
import { importBrunoFolder } from '../importers/bruno/import-bruno';
import { flattenRequests } from '../importers/walk';
import { toBrunoCollection, toBruFile } from './bruno';

const spec = (input: HttpRequestSpecInput): HttpRequestSpec => httpRequestSpecSchema.parse(input);

const collection: ImportedCollection = {
  name: 'Round trip',
  description: '',
  variables: [
    { name: 'baseUrl', value: 'https://api.example.com', enabled: true },
    { name: 'apiToken', value: 'kept-out', enabled: true },
  ],
  auth: { kind: 'bearer', token: '{{apiToken}}', prefix: 'Bearer' },
  items: [
    {
      type: 'folder',
      name: 'Users: admin',
      description: '',
      items: [
        {
          type: 'request',
          name: 'Get user',
          description: '',
          request: spec({
            method: 'GET',
            url: '{{baseUrl}}/users/{{id}}',
            params: [
              { name: 'expand', value: 'profile', enabled: true },
              { name: 'debug', value: '1', enabled: false },
            ],
            headers: [
              { name: 'Accept', value: 'application/json' },
              { name: 'X-Off', value: 'no', enabled: false },
              { name: 'X Odd: key', value: 'v' },
            ],
            variables: [
              { name: 'id', value: '42' },
              { name: 'tenant', value: 'acme' },
            ],
          }),
        },
        {
          type: 'request',
          name: 'Create user',
          description: '',
          request: spec({
            method: 'POST',
            url: '{{baseUrl}}/users',
            body: { kind: 'json', text: '{\n  "name": "Ada",\n  "brace": "}"\n}' },
            auth: { kind: 'basic', username: 'ann', password: '{{pw}}' },
          }),
        },
        { type: 'folder', name: 'Empty', description: '', items: [] },
      ],
    },
    {
      type: 'request',
      name: 'Login',
      description: '',
      request: spec({
        method: 'POST',
        url: '{{baseUrl}}/login',
        body: {
          kind: 'form',
          fields: [
            { name: 'user', value: 'ada' },
            { name: 'note', value: 'two\nlines' },
            { name: 'off', value: 'x', enabled: false },
          ],
        },
        auth: { kind: 'none' },
      }),
    },
    {
      type: 'request',
      name: 'Upload',
      description: '',
      request: spec({
        method: 'PUT',
        url: '{{baseUrl}}/files',
        body: { kind: 'multipart', parts: [{ kind: 'text', name: 'title', value: 'hi' }] },
        auth: { kind: 'apikey', name: 'X-Key', value: '{{key}}', in: 'query' },
      }),
    },
    {
      type: 'request',
      name: 'Feed',
      description: '',
      request: spec({
        method: 'POST',
        url: '{{baseUrl}}/feed',
        body: { kind: 'text', text: '<a>\n  <b/>\n</a>', contentType: 'application/xml' },
        auth: { kind: 'digest', username: 'u', password: '{{p}}' },
      }),
    },
    {
      type: 'request',
      name: 'Search',
      description: '',
      request: spec({
        method: 'POST',
        url: '{{baseUrl}}/graphql',
        body: { kind: 'graphql', query: 'query { me { id } }', variables: '{"a": 1}' },
        auth: {
          kind: 'oauth2',
          grant: 'authorization_code',
          tokenUrl: '{{baseUrl}}/token',
          authorizationUrl: '{{baseUrl}}/authorize',
          clientId: 'c',
          clientSecret: '{{cs}}',
          scope: 'read write',
          clientAuth: 'body',
        },
      }),
    },
    {
      type: 'request',
      name: 'Purge',
      description: '',
      request: spec({
        method: 'PURGE',
        url: '{{baseUrl}}/cache',
        body: { kind: 'text', text: 'all', contentType: 'text/plain' },
        settings: { deadlineMs: 60_000, followRedirects: false, maxRedirects: 2, keepCredentialsOnRedirect: true },
      }),
    },
  ],
};

/** What gets sent: Bruno keeps enabled query params in the URL, so compare with them there. */
function sent(request: HttpRequestSpec): unknown {
  const enabled = request.params.filter((param) => param.enabled);
  const url =
    enabled.length === 0
      ? request.url
      : `${request.url}${request.url.includes('?') ? '&' : '?'}${enabled.map((param) => `${param.name}=${param.value}`).join('&')}`;
  return {
    ...request,
    url,
    params: request.params.filter((param) => !param.enabled),
    variables: [...request.variables].sort((a, b) => a.name.localeCompare(b.name)),
  };
}

describe('Bruno export', () => {
  it('round-trips: export to Bruno, import the files, the same requests in the same folders', () => {
    const { files, warnings } = toBrunoCollection(collection, new Set(['apiToken']));
    expect(warnings).toEqual([]);
    const back = importBrunoFolder(files);
    const imported = back.collections[0]!;
    expect(imported.name).toBe('Round trip');
    expect(imported.auth).toEqual(collection.auth);
    // a secret variable is written without its value
    expect(imported.variables).toEqual([
      { name: 'baseUrl', value: 'https://api.example.com', enabled: true },
      { name: 'apiToken', value: '', enabled: true },
    ]);
    const before = flattenRequests(collection.items).map((entry) => ({ path: entry.path, name: entry.request.name, request: sent(entry.request.request) }));
    const after = flattenRequests(imported.items).map((entry) => ({ path: entry.path, name: entry.request.name, request: sent(entry.request.request) }));
    expect(after).toEqual(before);
    expect(imported.items[0]).toMatchObject({
      type: 'folder',
      name: 'Users: admin',
      items: [{ name: 'Empty' }, { name: 'Get user' }, { name: 'Create user' }],
    });
    expect(back.warnings).toEqual([]);
  });

  it('writes the files Bruno expects: bruno.json, collection.bru, folder.bru, one .bru per request with safe names', () => {
    const { files } = toBrunoCollection(collection);
    expect(files.map((file) => file.path)).toEqual([
      'bruno.json',
      'collection.bru',
      'Users- admin/folder.bru',
      'Users- admin/Get user.bru',
      'Users- admin/Create user.bru',
      'Users- admin/Empty/folder.bru',
      'Login.bru',
      'Upload.bru',
      'Feed.bru',
      'Search.bru',
      'Purge.bru',
    ]);
    expect(files.find((file) => file.path === 'Users- admin/Get user.bru')!.text).toBe(
      [
        'meta {\n  name: Get user\n  type: http\n  seq: 1\n}\n',
        'get {\n  url: {{baseUrl}}/users/:id?expand=profile\n  body: none\n  auth: inherit\n}\n',
        'params:query {\n  expand: profile\n  ~debug: 1\n}\n',
        'params:path {\n  id: 42\n}\n',
        'headers {\n  Accept: application/json\n  ~X-Off: no\n  "X Odd: key": v\n}\n',
        'vars:pre-request {\n  tenant: acme\n}\n',
        'settings {\n  encodeUrl: true\n  timeout: 300000\n  followRedirects: true\n  maxRedirects: 10\n}\n',
      ].join('\n'),
    );
  });

  it('never writes a credential typed into the Auth tab or an Authorization header', () => {
    const text = toBruFile(
      'r',
      spec({ method: 'GET', url: 'https://x', headers: [{ name: 'Authorization', value: 'Token abc123' }], auth: { kind: 'bearer', token: 'abc123' } }),
      1,
    );
    expect(text).not.toContain('abc123');
    expect(text).toContain('token: {{TOKEN}}');
  });
});
