import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CourierError, httpRequestSpecSchema, SNIPPET_TARGETS } from '../../../shared/contract';
import { prepareExport } from '../../../shared/exporters';
import { countRequests, flattenRequests } from '../../../shared/importers';
import { createImportExportService } from './index';

const service = createImportExportService();

const petstore31 = `
openapi: 3.1.0
info: { title: Pets, version: "1" }
servers:
  - url: https://{region}.pets.example/v1
    description: Production
    variables: { region: { default: eu } }
  - url: http://localhost:8080/v1
security: [ { bearer: [] } ]
tags: [ { name: pets, description: Pet things } ]
paths:
  /pets/{petId}:
    parameters:
      - { name: petId, in: path, required: true, schema: { type: integer, example: 7 } }
    get:
      tags: [pets]
      summary: Get a pet
      parameters:
        - { name: fields, in: query, schema: { type: string } }
        - { name: X-Request-Id, in: header, required: true, schema: { type: string, format: uuid, example: abc } }
        - { name: session, in: cookie, schema: { type: string } }
      responses: { "200": { description: ok } }
    put:
      tags: [pets]
      operationId: updatePet
      requestBody:
        content:
          application/json:
            schema: { $ref: "#/components/schemas/Pet" }
      responses: { "200": { description: ok } }
  /upload:
    post:
      security: [ { key: [] } ]
      requestBody:
        content:
          multipart/form-data:
            schema:
              type: object
              properties: { note: { type: string }, file: { type: string, format: binary } }
      responses: { "200": { description: ok } }
components:
  securitySchemes:
    bearer: { type: http, scheme: bearer }
    key: { type: apiKey, in: header, name: X-API-Key }
  schemas:
    Pet:
      type: object
      properties:
        name: { type: string, example: Rex }
        kind: { type: string, enum: [dog, cat] }
        parent: { $ref: "#/components/schemas/Pet" }
        tags: { type: array, items: { $ref: "#/components/schemas/Tag" } }
    Tag:
      allOf:
        - { type: object, properties: { id: { type: integer } } }
        - { type: object, properties: { label: { type: string, default: new } } }
`;

describe('OpenAPI import (main process: YAML, $ref resolution)', () => {
  it('imports a 3.1 YAML document: servers as environments, path params as variables, example bodies, security', async () => {
    const result = await service.parse(petstore31);
    expect(result.formatLabel).toBe('OpenAPI 3.1.0');
    expect(result.environments).toEqual([
      { name: 'Pets — Production', variables: [{ name: 'baseUrl', value: 'https://eu.pets.example/v1', enabled: true }] },
      { name: 'Pets — localhost:8080/v1', variables: [{ name: 'baseUrl', value: 'http://localhost:8080/v1', enabled: true }] },
    ]);
    const collection = result.collections[0]!;
    expect(collection.variables.map((v) => v.name)).toEqual(['baseUrl', 'bearerToken', 'apiKey']);
    const requests = flattenRequests(collection.items);
    expect(requests.map((r) => `${r.path.join('/')}|${r.request.name}`)).toEqual(['pets|Get a pet', 'pets|updatePet', '|POST /upload']);
    const get = requests[0]!.request.request;
    expect(get.url).toBe('{{baseUrl}}/pets/{{petId}}');
    expect(get.variables).toEqual([{ name: 'petId', value: '7', enabled: true }]);
    expect(get.params).toEqual([{ name: 'fields', value: '', enabled: false }]);
    expect(get.headers).toEqual([{ name: 'X-Request-Id', value: 'abc', enabled: true }]);
    expect(get.auth).toMatchObject({ kind: 'bearer', token: '{{bearerToken}}' });
    const put = requests[1]!.request.request;
    expect(put.body.kind).toBe('json');
    expect(JSON.parse((put.body as { text: string }).text)).toEqual({ name: 'Rex', kind: 'dog', parent: {}, tags: [{ id: 0, label: 'new' }] });
    const upload = requests[2]!.request.request;
    expect(upload.auth).toMatchObject({ kind: 'apikey', name: 'X-API-Key', value: '{{apiKey}}' });
    expect(upload.body).toEqual({
      kind: 'multipart',
      parts: [
        { kind: 'text', name: 'note', value: 'string', enabled: true },
        { kind: 'file', name: 'file', file: null, enabled: true },
      ],
    });
    expect(result.warnings).toEqual([{ item: 'pets / Get a pet', message: expect.stringMatching(/cookie parameter "session"/) }]);
  });

  it('imports Swagger 2.0 with host, basePath, body and formData parameters', async () => {
    const swagger = {
      swagger: '2.0',
      info: { title: 'Old', version: '1' },
      host: 'old.example',
      basePath: '/api',
      schemes: ['https'],
      securityDefinitions: { basic: { type: 'basic' } },
      security: [{ basic: [] }],
      definitions: { Item: { type: 'object', properties: { n: { type: 'integer' } } } },
      paths: {
        '/items': {
          post: { parameters: [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/Item' } }], responses: { 200: { description: 'ok' } } },
          put: {
            consumes: ['application/x-www-form-urlencoded'],
            parameters: [{ name: 'a', in: 'formData', type: 'string', default: 'x' }],
            responses: { 200: { description: 'ok' } },
          },
        },
      },
    };
    const result = await service.parse(JSON.stringify(swagger));
    expect(result.formatLabel).toBe('Swagger 2.0');
    // one server: no environment, the collection carries baseUrl (as Postman does)
    expect(result.environments).toEqual([]);
    expect(result.collections[0]!.variables[0]).toEqual({ name: 'baseUrl', value: 'https://old.example/api', enabled: true });
    const [put, post] = flattenRequests(result.collections[0]!.items).map((r) => r.request.request);
    expect(post!.body).toEqual({ kind: 'json', text: JSON.stringify({ n: 0 }, null, 2) });
    expect(post!.auth).toEqual({ kind: 'basic', username: '{{username}}', password: '{{password}}' });
    expect(put!.body).toEqual({ kind: 'form', fields: [{ name: 'a', value: 'x', enabled: true }] });
  });

  it('does not follow external $refs (no file or network reads from an imported document) and says so', async () => {
    const doc = { openapi: '3.0.3', info: { title: 'x', version: '1' }, paths: { '/a': { get: { parameters: [{ $ref: '/etc/passwd#/x' }], responses: {} } } } };
    const result = await service.parse(JSON.stringify(doc));
    expect(JSON.stringify(result)).not.toContain('root:');
    expect(result.warnings).toContainEqual({ item: '(collection)', message: expect.stringMatching(/1 reference.*not followed.*\/etc\/passwd/) });
  });

  it('refuses a malformed document with INVALID_IMPORT', async () => {
    const doc = { openapi: '3.0.3', info: { title: 'x', version: '1' }, paths: { '/a': { get: { parameters: [{ $ref: '#/components/nothing' }] } } } };
    await expect(service.parse(JSON.stringify(doc))).rejects.toSatisfy((error: unknown) => error instanceof CourierError && error.code === 'INVALID_IMPORT');
  });

  it('imports the GitHub REST API description (@octokit/openapi): about a thousand operations', async () => {
    const require = createRequire(import.meta.url);
    const text = readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8');
    const started = performance.now();
    const result = await service.parse(text);
    const elapsed = performance.now() - started;
    const count = countRequests(result);
    console.log(`GitHub REST API: ${count} requests, ${result.warnings.length} warnings, ${Math.round(elapsed)} ms`);
    expect(count).toBeGreaterThan(900);
    expect(result.environments).toEqual([]);
    expect(result.collections[0]!.variables[0]!.value).toBe('https://api.github.com');
    expect(result.collections[0]!.items.length).toBeGreaterThan(20);
    // lenient for slow CI machines; the benchmark holds the real 3 s budget
    expect(elapsed).toBeLessThan(30_000);
  }, 60_000);
});

describe('code snippets', () => {
  const canary = 'CANARY-9d2f-secret';
  const layers = [
    {
      scope: 'environment' as const,
      label: 'Prod',
      variables: [
        { name: 'token', value: null, secret: true },
        { name: 'host', value: 'api.example.com', secret: false },
      ],
    },
  ];
  const request = prepareExport(
    httpRequestSpecSchema.parse({
      method: 'POST',
      url: 'https://{{host}}/v1/items?key={{token}}',
      headers: [{ name: 'X-Token', value: '{{token}}' }],
      body: { kind: 'json', text: '{"secret":"{{token}}","n":1}' },
      auth: { kind: 'basic', username: 'ann', password: canary },
    }),
    { layers },
  );

  it.each(SNIPPET_TARGETS.map((target) => target.id))('%s: no secret value, secrets named', async (target) => {
    const code = (await service.snippet(request, target)).code;
    expect(code).not.toContain(canary);
    expect(code).not.toMatch(/[\uE000-\uE003]/);
    expect(code).toContain('api.example.com');
    expect(code).toMatch(/token/);
  });

  it.each(SNIPPET_TARGETS.map((target) => target.id))('%s: form, multipart with a file and binary bodies', async (target) => {
    const bodies = [
      { kind: 'form', fields: [{ name: 'a', value: 'b c' }] },
      {
        kind: 'multipart',
        parts: [
          { kind: 'text', name: 'note', value: 'hi' },
          { kind: 'file', name: 'f', file: { fileName: 'a.png', contentType: 'image/png', dataBase64: '' } },
        ],
      },
      { kind: 'binary', file: { fileName: 'blob.bin', contentType: 'application/octet-stream', dataBase64: '' } },
    ] as const;
    for (const body of bodies) {
      const code = (await service.snippet(prepareExport(httpRequestSpecSchema.parse({ method: 'POST', url: 'https://h/x', body }), { layers: [] }), target))
        .code;
      expect(code.length).toBeGreaterThan(0);
    }
  });

  it('writes Rust (reqwest) with std::env::var for secrets', async () => {
    const rust = (await service.snippet(request, 'rust:reqwest')).code;
    expect(rust).toContain(
      '.request(reqwest::Method::from_bytes("POST".as_bytes())?, &format!("https://api.example.com/v1/items?key={}", std::env::var("token")?))',
    );
    expect(rust).toContain('.header("X-Token", &format!("{}", std::env::var("token")?))');
    expect(rust).toContain('.basic_auth("ann", Some(&format!("{}", std::env::var("PASSWORD")?)))');
    expect(rust).toContain(`.body(format!(r#"{{"secret":"{}","n":1}}"#, std::env::var("token")?).to_string())`);
  });

  it('splices environment lookups into JavaScript and Python string literals', async () => {
    const js = (await service.snippet(request, 'javascript:fetch')).code;
    expect(js).toContain("'X-Token': process.env.token");
    expect(js).toContain("'https://api.example.com/v1/items?key=' + process.env.token");
    const python = (await service.snippet(request, 'python:requests')).code;
    expect(python.startsWith('import os\n')).toBe(true);
    expect(python).toContain('os.environ["token"]');
  });
});
