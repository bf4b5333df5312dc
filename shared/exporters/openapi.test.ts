import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { httpRequestSpecSchema, type ImportedCollection } from '../contract';
import { importOpenApi } from '../importers/openapi/import-openapi';
import { toOpenApi, toOpenApiDocument } from './openapi';

const collection: ImportedCollection = {
  name: 'Shop',
  description: 'The shop API',
  variables: [
    { name: 'baseUrl', value: 'https://shop.example.com/v1', enabled: true },
    { name: 'token', value: 'hidden', enabled: true },
  ],
  auth: { kind: 'bearer', token: '{{token}}', prefix: 'Bearer' },
  items: [
    {
      type: 'folder',
      name: 'Orders',
      description: '',
      items: [
        {
          type: 'request',
          name: 'Get order',
          description: 'One order',
          request: httpRequestSpecSchema.parse({
            method: 'GET',
            url: '{{baseUrl}}/orders/{{orderId}}?expand=items',
            params: [{ name: 'debug', value: '1', enabled: false }],
            headers: [
              { name: 'X-Trace', value: 'abc' },
              { name: 'Accept', value: 'application/json' },
              { name: 'X-Key', value: '{{key}}' },
            ],
            variables: [{ name: 'orderId', value: '7' }],
          }),
        },
        {
          type: 'request',
          name: 'Create order',
          description: '',
          request: httpRequestSpecSchema.parse({
            method: 'POST',
            url: '{{baseUrl}}/orders',
            body: { kind: 'json', text: '{"sku": "A-1", "qty": 2}' },
            auth: { kind: 'none' },
          }),
        },
      ],
    },
    {
      type: 'request',
      name: 'Upload',
      description: '',
      request: httpRequestSpecSchema.parse({
        method: 'PUT',
        url: 'https://files.example.com/up/:name',
        body: {
          kind: 'multipart',
          parts: [
            { kind: 'text', name: 'title', value: 'hi' },
            { kind: 'file', name: 'file', file: null },
          ],
        },
        auth: { kind: 'apikey', name: 'X-Api-Key', value: 'literal-key', in: 'header' },
      }),
    },
    {
      type: 'request',
      name: 'Login',
      description: '',
      request: httpRequestSpecSchema.parse({
        method: 'POST',
        url: '{{baseUrl}}/login',
        body: {
          kind: 'form',
          fields: [
            { name: 'user', value: 'ann' },
            { name: 'password', value: '{{pw}}' },
          ],
        },
      }),
    },
    { type: 'request', name: 'Purge', description: '', request: httpRequestSpecSchema.parse({ method: 'PURGE', url: '{{baseUrl}}/cache' }) },
  ],
};

describe('OpenAPI 3.1 export', () => {
  const { document, warnings } = toOpenApiDocument(collection, new Set(['token']));

  it('moves {{baseUrl}} into servers and makes paths, methods and parameters from the requests', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toEqual({ title: 'Shop', version: '1.0.0', description: 'The shop API' });
    expect(document.servers).toEqual([
      { url: '{baseUrl}', variables: { baseUrl: { default: 'https://shop.example.com/v1' } } },
      { url: 'https://files.example.com' },
    ]);
    const paths = document.paths as Record<string, Record<string, Record<string, unknown>>>;
    expect(Object.keys(paths)).toEqual(['/orders/{orderId}', '/orders', '/up/{name}', '/login']);
    expect(paths['/orders/{orderId}']!.get).toMatchObject({
      operationId: 'getOrder',
      summary: 'Get order',
      description: 'One order',
      tags: ['Orders'],
      parameters: [
        { name: 'orderId', in: 'path', required: true, schema: { type: 'string' }, example: '7' },
        { name: 'expand', in: 'query', schema: { type: 'string' }, example: 'items' },
        { name: 'debug', in: 'query', required: false, schema: { type: 'string' }, example: '1' },
        { name: 'X-Trace', in: 'header', schema: { type: 'string' }, example: 'abc' },
        { name: 'X-Key', in: 'header', schema: { type: 'string' } },
      ],
      responses: { default: { description: 'Response' } },
    });
    expect(paths['/up/{name}']!.put).toMatchObject({ servers: [{ url: 'https://files.example.com' }], security: [{ uploadAuth: [] }] });
  });

  it('writes request bodies with their media types and auth as security schemes, never a credential', () => {
    const paths = document.paths as Record<string, Record<string, Record<string, unknown>>>;
    expect(paths['/orders']!.post!.requestBody).toEqual({ content: { 'application/json': { schema: {}, example: { sku: 'A-1', qty: 2 } } } });
    expect(paths['/orders']!.post!.security).toEqual([]);
    expect(paths['/login']!.post!.requestBody).toEqual({
      content: {
        'application/x-www-form-urlencoded': {
          schema: { type: 'object', properties: { user: { type: 'string', example: 'ann' }, password: { type: 'string' } } },
        },
      },
    });
    expect(paths['/up/{name}']!.put!.requestBody).toMatchObject({
      content: { 'multipart/form-data': { schema: { properties: { file: { type: 'string', contentMediaType: 'application/octet-stream' } } } } },
    });
    expect(document.components).toEqual({
      securitySchemes: { collectionAuth: { type: 'http', scheme: 'bearer' }, uploadAuth: { type: 'apiKey', name: 'X-Api-Key', in: 'header' } },
    });
    expect(document.security).toEqual([{ collectionAuth: [] }]);
    expect(JSON.stringify(document)).not.toMatch(/literal-key|hidden/);
    expect(warnings).toEqual(['Purge: the method PURGE has no place in OpenAPI; the request was left out.']);
  });

  it('is YAML that Courier’s own OpenAPI importer reads back into the same operations', () => {
    const { text } = toOpenApi(collection);
    const back = importOpenApi(parse(text) as Record<string, unknown>, []);
    const names = back.collections[0]!.items.flatMap((item) => (item.type === 'folder' ? item.items : [item])).map((item) => item.name);
    expect(names.sort()).toEqual(['Create order', 'Get order', 'Login', 'Upload']);
  });
});
