import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../import-text';
import { flattenRequests } from '../walk';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

describe('Hoppscotch collections', () => {
  it('imports the CLI test collection (hoppscotch/hoppscotch): folders, params, unticked headers, bearer auth', async () => {
    const result = await importText(fixture('coll-v2-req-v3.json'));
    expect(result.format).toBe('hoppscotch');
    expect(result.collections.map((collection) => collection.name)).toEqual(['coll-v2']);
    const requests = flattenRequests(result.collections[0]!.items);
    expect(requests.map((entry) => [...entry.path, entry.request.name].join(' / '))).toEqual(['coll-v2-child / req-v3-II', 'req-v3']);
    const request = requests[1]!.request.request;
    expect(request).toMatchObject({
      method: 'GET',
      url: 'https://echo.hoppscotch.io',
      params: [
        { name: 'key', value: 'value', enabled: true },
        { name: 'inactive-key', value: 'inactive-param', enabled: false },
      ],
      headers: [
        { name: 'Inactive-Header', value: 'Inactive Header', enabled: false },
        { name: 'Authorization', value: 'Bearer token123', enabled: true },
      ],
      body: { kind: 'none' },
      auth: { kind: 'bearer', token: 'token123' },
    });
    expect(result.warnings).toContainEqual({ item: 'req-v3', message: expect.stringMatching(/test script was not carried over/) });
  });

  it('maps <<var>>, collection and folder headers and auth, every body type and secret variables', async () => {
    const result = await importText(fixture('courier-minimal.json'));
    const collection = result.collections[0]!;
    expect(collection.auth).toEqual({ kind: 'apikey', name: 'X-Key', value: '{{apiKey}}', in: 'header' });
    expect(collection.variables).toEqual([
      { name: 'base', value: 'https://shop.example.com', enabled: true },
      { name: 'pin', value: '', enabled: true },
    ]);
    const byName = new Map(flattenRequests(collection.items).map((entry) => [entry.request.name, entry.request.request]));
    expect(byName.get('Create order')).toMatchObject({
      url: '{{base}}/orders',
      headers: [
        { name: 'X-Team', value: 'shop' },
        { name: 'X-Folder', value: 'mine' },
      ],
      body: { kind: 'json', text: '{"sku": "{{sku}}"}' },
      auth: { kind: 'basic', username: 'ann', password: '{{pw}}' },
      variables: [{ name: 'sku', value: 'A-1', enabled: true }],
    });
    expect(byName.get('Upload')).toMatchObject({
      method: 'PUT',
      auth: { kind: 'none' },
      body: {
        kind: 'multipart',
        parts: [
          { kind: 'text', name: 'note', value: 'hi {{who}}' },
          { kind: 'file', name: 'file', file: null },
        ],
      },
    });
    expect(byName.get('Login')).toMatchObject({
      body: {
        kind: 'form',
        fields: [
          { name: 'user', value: 'ann', enabled: true },
          { name: 'remember', value: 'yes', enabled: false },
          { name: 'code', value: '{{code}}', enabled: true },
        ],
      },
      auth: { kind: 'oauth2', grant: 'client_credentials', tokenUrl: '{{base}}/token', clientId: 'shop', clientSecret: '{{secret}}', scope: 'orders' },
      params: [
        { name: 'next', value: '/home', enabled: true },
        { name: 'debug', value: '1', enabled: false },
      ],
    });
    expect(byName.get('Disabled auth')?.auth).toEqual({ kind: 'none' });
    const messages = result.warnings.map((warning) => `${warning.item}: ${warning.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Shop: Collection headers \(X-Team\)/),
        expect.stringMatching(/^Shop: Secret variables \(pin\) imported without values/),
        expect.stringMatching(/^Orders \/ Create order: The pre-request script was not carried over/),
        expect.stringMatching(/^Orders \/ Create order: 1 saved example response not imported/),
        expect.stringMatching(/^Orders \/ Upload: The file for form part "file"/),
        expect.stringMatching(/^Login: The test script/),
        expect.stringMatching(/^Orders: The pre-request script was not carried over/),
        expect.stringMatching(/^Shop: The test script was not carried over/),
      ]),
    );
  });
});

describe('Hoppscotch environments', () => {
  it('imports secret variables without values (hoppscotch/hoppscotch CLI fixture)', async () => {
    const result = await importText(fixture('secret-envs.json'));
    expect(result.formatLabel).toBe('Hoppscotch environment');
    const variables = result.environments[0]!.variables;
    expect(variables).toHaveLength(9);
    expect(variables[0]).toEqual({ name: 'secretBearerToken', value: '', enabled: true, secret: true });
    expect(variables[7]).toEqual({ name: 'echoHoppBaseURL', value: 'https://echo.hoppscotch.io', enabled: true });
    expect(result.warnings[0]!.message).toMatch(/7 secret variables/);
  });

  it('reads the older array export [{ name, variables: [{ key, value }] }]', async () => {
    const result = await importText(
      JSON.stringify([
        { name: 'Dev', variables: [{ key: 'host', value: 'localhost' }] },
        { name: 'Prod', variables: [] },
      ]),
    );
    expect(result.environments).toEqual([
      { name: 'Dev', variables: [{ name: 'host', value: 'localhost', enabled: true }] },
      { name: 'Prod', variables: [] },
    ]);
  });
});

describe('a single .bru request pasted as text', () => {
  it('is recognised and imported', async () => {
    const result = await importText('meta {\n  name: Ping\n  seq: 1\n}\n\nget {\n  url: https://example.com/ping\n  body: none\n  auth: none\n}\n');
    expect(result.format).toBe('bruno');
    expect(result.collections[0]!.items).toMatchObject([{ type: 'request', name: 'Ping', request: { method: 'GET', url: 'https://example.com/ping' } }]);
  });
});
