import { describe, expect, it } from 'vitest';
import { httpRequestSpecSchema, type HttpRequestSpec } from '../contract';
import type { VariableLayer } from '../variables';
import { toBrunoCollection } from './bruno';
import { toCurlBash, toCurlCmd } from './curl';
import { toHar } from './har';
import { toOpenApi } from './openapi';
import { toPostmanCollection } from './postman';
import { toK6Script } from './k6';
import { prepareExport } from './prepare';

const CANARY = 'CANARY-5e1b-do-not-export';

// Even if a layer carried a secret's value (the main process's view), the exporters must not write it.
const layers: VariableLayer[] = [
  {
    scope: 'environment',
    label: 'Prod',
    variables: [
      { name: 'token', value: CANARY, secret: true },
      { name: 'host', value: 'api.example.com', secret: false },
    ],
  },
];

const requests: HttpRequestSpec[] = [
  { auth: { kind: 'basic', username: 'ann', password: CANARY } },
  { auth: { kind: 'digest', username: 'ann', password: '{{token}}' } },
  { auth: { kind: 'bearer', token: CANARY } },
  { auth: { kind: 'apikey', name: 'key', value: CANARY, in: 'query' } },
  { auth: { kind: 'oauth2', clientId: 'id', clientSecret: CANARY, tokenUrl: 'https://{{host}}/token' } },
  {
    headers: [
      { name: 'Authorization', value: `Token ${CANARY}` },
      { name: 'X-T', value: '{{token}}' },
    ],
  },
  { body: { kind: 'form', fields: [{ name: 'secret', value: '{{token}}' }] } },
  { body: { kind: 'multipart', parts: [{ kind: 'text', name: 'secret', value: 'a{{token}}b' }] } },
  { body: { kind: 'json', text: '{"t":"{{token}}"}' }, params: [{ name: 'p', value: '{{token}}' }] },
].map((partial) => httpRequestSpecSchema.parse({ method: 'POST', url: 'https://{{host}}/x?t={{token}}', ...partial }));

describe('no exporter writes a secret value', () => {
  it.each(requests.map((request, index) => [index, request] as const))('request %i', (_index, request) => {
    const prepared = prepareExport(request, { layers });
    const collection = {
      name: 'c',
      description: '',
      variables: [{ name: 'token', value: CANARY, enabled: true }],
      auth: request.auth,
      items: [{ type: 'request' as const, name: 'r', description: '', request }],
    };
    const outputs = [
      toCurlBash(prepared),
      toCurlCmd(prepared),
      JSON.stringify(toHar([prepared], '0.1.0')),
      toPostmanCollection(collection, new Set(['token'])),
      JSON.stringify(toBrunoCollection(collection, new Set(['token']))),
      toOpenApi(collection, new Set(['token'])).text,
      toK6Script(collection, new Set(['token'])),
    ];
    for (const output of outputs) expect(output).not.toContain(CANARY);
    expect(outputs[0]).toContain('api.example.com');
  });
});
