import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createResolver } from '../../variables';
import { importText } from '../import-text';
import { flattenRequests } from '../walk';
import { toPostmanCollection } from '../../exporters';

const text = readFileSync(new URL('./fixtures/v2/dynamic-variables.json', import.meta.url), 'utf8');

describe('Postman dynamic variables on import', () => {
  it("maps those Courier has ($guid, $randomUUID → $uuid; $timestamp, $isoTimestamp, $randomInt) to Courier's own", async () => {
    const result = await importText(text);
    const [create, list] = flattenRequests(result.collections[0]!.items).map((entry) => entry.request.request);
    expect(create!.headers.map((h) => [h.name, h.value])).toEqual([
      ['X-Trace', '{{$uuid}}'],
      ['X-Request-Id', '{{$uuid}}'],
      ['X-Sent-At', '{{$isoTimestamp}}'],
    ]);
    expect(create!.url).toBe('{{baseUrl}}/orders?nonce={{$randomAlphaNumeric}}&t={{$timestamp}}');
    expect(create!.body).toMatchObject({ kind: 'json', text: expect.stringContaining('"qty": {{$randomInt}}, "at": {{$timestamp}}') });
    expect(list!.headers).toEqual([{ name: 'X-Trace', value: '{{$uuid}}', enabled: true }]);
    expect(result.collections[0]!.variables).toContainEqual({ name: 'runId', value: '{{$uuid}}', enabled: true });
  });

  it('a Postman export writes {{$uuid}} back as {{$guid}}, so Postman → Courier → Postman still runs in Postman', async () => {
    const result = await importText(text);
    const exported = toPostmanCollection(result.collections[0]!);
    expect(exported).not.toContain('{{$uuid}}');
    expect(exported).toContain('"value": "{{$guid}}"');
    expect(exported).toContain('{{$timestamp}}');
  });

  it('the mapped names resolve to fresh values when sent', async () => {
    const result = await importText(text);
    const list = flattenRequests(result.collections[0]!.items)[1]!.request.request;
    const resolved = createResolver([], { uuid: () => '11111111-2222-4333-8444-555555555555' }).resolve(list.headers[0]!.value);
    expect(resolved).toBe('11111111-2222-4333-8444-555555555555');
  });

  it('names the ones Courier has no equivalent for, per item, under "Not carried over", once each', async () => {
    const result = await importText(text);
    const dynamic = result.warnings.filter((w) => /dynamic variable/.test(w.message)).map((w) => `${w.item}: ${w.message}`);
    expect(dynamic).toEqual([
      'Orders / Create order: Postman dynamic variables {{$randomAlphaNumeric}}, {{$randomFirstName}}, {{$randomEmail}} have no Courier equivalent; they are sent as written until replaced.',
      '(collection): Postman dynamic variable {{$randomCity}} has no Courier equivalent; it is sent as written until replaced.',
    ]);
  });
});
