import { describe, expect, it } from 'vitest';
import { importText } from '../import-text';
import { flattenRequests } from '../walk';
import { externalReferences, importOpenApi } from './import-openapi';

const info = { title: 'T', version: '1' };

describe('OpenAPI: a path key with a query template', () => {
  it('defines the variable from the in: query parameter and does not send the query twice', () => {
    const doc = {
      openapi: '3.0.3',
      info,
      servers: [{ url: 'https://api.example.com' }],
      paths: {
        '/search?query={query}': {
          get: {
            parameters: [
              { name: 'query', in: 'query', required: true, schema: { type: 'string', example: 'cats' } },
              { name: 'page', in: 'query', schema: { type: 'integer', default: 1 } },
            ],
            responses: {},
          },
        },
        '/items?kind=book&owner={ownerId}': { get: { parameters: [{ name: 'ownerId', in: 'query', schema: { type: 'string' } }], responses: {} } },
      },
    };
    const [search, items] = flattenRequests(importOpenApi(doc).collections[0]!.items).map((entry) => entry.request.request);
    expect(search!.url).toBe('{{baseUrl}}/search?query={{query}}');
    expect(search!.variables).toEqual([{ name: 'query', value: 'cats', enabled: true }]);
    expect(search!.params).toEqual([{ name: 'page', value: '1', enabled: false }]);
    expect(items!.url).toBe('{{baseUrl}}/items?kind=book&owner={{ownerId}}');
    expect(items!.variables).toEqual([{ name: 'ownerId', value: '', enabled: true }]);
    expect(items!.params).toEqual([]);
  });
});

describe('OpenAPI: relative servers', () => {
  const withServers = (servers: unknown[]) => ({ openapi: '3.0.3', info, servers, paths: { '/a': { get: { responses: {} } } } });
  const baseUrlOf = (result: ReturnType<typeof importOpenApi>) => result.collections[0]!.variables.find((v) => v.name === 'baseUrl')!.value;

  it('resolves "/" and relative servers against the URL the document was read from', () => {
    const result = importOpenApi(withServers([{ url: '/' }, { url: 'v2' }]), [], { sourceUrl: 'https://petstore.example/api/v3/openapi.json' });
    expect(result.environments.map((e) => e.variables[0]!.value)).toEqual(['https://petstore.example', 'https://petstore.example/api/v3/v2']);
    expect(baseUrlOf(result)).toBe('https://petstore.example');
    expect(result.warnings).toEqual([]);
    // no servers at all means "/" (OpenAPI 3): the document's own host
    expect(baseUrlOf(importOpenApi(withServers([]), [], { sourceUrl: 'https://h.example/spec.yaml' }))).toBe('https://h.example');
  });

  it('without a source URL, takes the first absolute server and offers the relative one as another environment', () => {
    const result = importOpenApi(withServers([{ url: '/api/v3' }, { url: 'https://petstore.example/api/v3', description: 'Prod' }]));
    expect(baseUrlOf(result)).toBe('https://petstore.example/api/v3');
    expect(result.environments).toEqual([
      { name: 'T — Prod', variables: [{ name: 'baseUrl', value: 'https://petstore.example/api/v3', enabled: true }] },
      { name: 'T — /api/v3', variables: [{ name: 'baseUrl', value: '/api/v3', enabled: true }] },
    ]);
    expect(result.warnings).toEqual([{ item: '(collection)', message: expect.stringMatching(/"\/api\/v3" is relative.*host/) }]);
  });

  it('never leaves baseUrl empty without saying so', () => {
    const result = importOpenApi(withServers([{ url: '/' }]));
    expect(baseUrlOf(result)).toBe('');
    // one server: no environment, the collection carries baseUrl, and the warning says where to set it
    expect(result.environments).toEqual([]);
    expect(result.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/baseUrl is empty in the collection's variables \(Collection settings of “T”\)/),
    ]);
  });
});

describe('OpenAPI: external references', () => {
  it('does not take a schema property named $ref for a reference', async () => {
    const yaml = `openapi: 3.0.3
info: { title: T, version: "1" }
paths:
  /a:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                $ref:
                  type: string
                inline: { type: object, properties: { $ref: { type: string } } }
      responses: {}
`;
    const result = await importText(yaml);
    expect(result.warnings.filter((w) => /not followed/.test(w.message))).toEqual([]);
    const json = {
      openapi: '3.0.3',
      info,
      paths: { '/a': { get: { parameters: [{ $ref: 'other.yaml#/p' }], responses: {} } } },
      components: { schemas: { S: { properties: { $ref: { type: 'string' } } } } },
    };
    expect(externalReferences(json)).toEqual(['other.yaml#/p']);
  });
});

// Finding 25 of the new-user UI pass: the import made an environment literally named "http://127.0.0.1:8002".
describe('OpenAPI: environments people can tell apart', () => {
  const doc = (servers: unknown[]) => ({
    openapi: '3.0.3',
    info: { title: 'Tiny Echo API', version: '1' },
    servers,
    paths: { '/a': { get: { responses: {} } } },
  });

  it('makes none for a single server: the collection carries baseUrl', () => {
    const result = importOpenApi(doc([{ url: 'http://127.0.0.1:8002' }]));
    expect(result.environments).toEqual([]);
    expect(result.collections[0]!.variables[0]).toEqual({ name: 'baseUrl', value: 'http://127.0.0.1:8002', enabled: true });
  });

  it('names several after the API and the server description, or its host and path', () => {
    const result = importOpenApi(doc([{ url: 'http://127.0.0.1:8002', description: 'Local' }, { url: 'https://api.example.com/v1/' }]));
    expect(result.environments.map((e) => e.name)).toEqual(['Tiny Echo API — Local', 'Tiny Echo API — api.example.com/v1']);
  });
});
