import { describe, expect, it } from 'vitest';
import { acceptedFormatsSentence } from './accepted-formats';
import { detectImport } from './detect';

/** one text of each kind detectImport takes, and the words the sentence must name it by */
const samples: { kind: string; text: string; format: string; named: RegExp }[] = [
  { kind: 'curl', text: "curl 'https://api.test/x'", format: 'curl', named: /curl/ },
  { kind: 'Postman v1', text: JSON.stringify({ id: 'c', name: 'C', order: [], requests: [] }), format: 'postman', named: /Postman collections \(v1,/ },
  {
    kind: 'Postman v2.1',
    text: JSON.stringify({ info: { name: 'C', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' }, item: [] }),
    format: 'postman',
    named: /Postman collections \(v1, v2\.0, v2\.1\)/,
  },
  {
    kind: 'Postman environment',
    text: JSON.stringify({ name: 'Prod', values: [], _postman_variable_scope: 'environment' }),
    format: 'postman-environment',
    named: /Postman collections \([^)]*\) and environments/,
  },
  { kind: 'Insomnia v4', text: JSON.stringify({ _type: 'export', __export_format: 4, resources: [] }), format: 'insomnia', named: /Insomnia v4/ },
  { kind: 'Insomnia v5', text: 'type: collection.insomnia.rest/5.0\nname: C\ncollection: []\n', format: 'insomnia', named: /Insomnia v4 and v5/ },
  { kind: 'OpenAPI', text: 'openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths: {}\n', format: 'openapi', named: /OpenAPI 3\.x/ },
  { kind: 'Swagger', text: JSON.stringify({ swagger: '2.0', info: { title: 'T', version: '1' }, paths: {} }), format: 'openapi', named: /Swagger 2\.0/ },
  { kind: 'HAR', text: JSON.stringify({ log: { version: '1.2', entries: [] } }), format: 'har', named: /HAR/ },
  { kind: 'Hoppscotch', text: JSON.stringify({ v: 2, name: 'C', folders: [], requests: [] }), format: 'hoppscotch', named: /Hoppscotch collections/ },
  {
    kind: 'Hoppscotch environment',
    text: JSON.stringify({ v: 1, id: 'e', name: 'Prod', variables: [] }),
    format: 'hoppscotch',
    named: /Hoppscotch collections and environments/,
  },
  { kind: 'Bruno request', text: 'meta {\n  name: x\n}\n', format: 'bruno-request', named: /Bruno \.bru requests/ },
];

describe('the formats the Import dialog and the "not recognised" error name', () => {
  it.each(samples)('name $kind, which the importers take', ({ text, format, named }) => {
    expect(detectImport(text).format).toBe(format);
    expect(acceptedFormatsSentence()).toMatch(named);
  });

  it('names Bruno collection folders, which are read by path', () => {
    expect(acceptedFormatsSentence()).toMatch(/Bruno .*collection folders/);
  });
});
