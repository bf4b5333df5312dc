import { describe, expect, it } from 'vitest';
import { assertionRowSchema, testResultSchema, type AssertionRow } from '../contract';
import { evaluateAssertions } from './evaluate';
import { TEST_BODY_CAP_BYTES, type TestResponse } from './response-view';

const body = { id: 42, name: 'Ada', tags: ['a', 'b'], nested: { ok: true, none: null, empty: [] }, price: 9.5, items: [{ id: 1 }, { id: 2 }] };

function response(over: Partial<TestResponse> = {}): TestResponse {
  const text = JSON.stringify(body);
  return {
    status: 200,
    headers: [
      ['Content-Type', 'application/json; charset=utf-8'],
      ['Set-Cookie', 'a=1'],
      ['set-cookie', 'b=2'],
    ],
    timeMs: 123.4,
    bodySize: text.length,
    bodyText: text,
    bodyTruncated: false,
    ...over,
  };
}

const row = (input: Partial<AssertionRow> & Pick<AssertionRow, 'target' | 'operator'>): AssertionRow => assertionRowSchema.parse(input);
const one = (input: Partial<AssertionRow> & Pick<AssertionRow, 'target' | 'operator'>, res = response()) => {
  const [result] = evaluateAssertions([row(input)], res);
  expect(testResultSchema.parse(result)).toEqual(result);
  return result!;
};

describe('evaluateAssertions: targets', () => {
  it('status equals, with a message naming both values on failure', () => {
    expect(one({ target: 'status', operator: 'equals', expected: '200' })).toMatchObject({ outcome: 'passed', actual: '200', name: 'status equals 200' });
    expect(one({ target: 'status', operator: 'equals', expected: '200' }, response({ status: 404 }))).toMatchObject({
      outcome: 'failed',
      actual: '404',
      message: 'expected 200, got 404',
    });
  });

  it('header: case-insensitive name, repeated headers joined, missing header fails exists', () => {
    expect(one({ target: 'header', property: 'content-type', operator: 'contains', expected: 'json' }).outcome).toBe('passed');
    expect(one({ target: 'header', property: 'SET-COOKIE', operator: 'equals', expected: 'a=1, b=2' }).outcome).toBe('passed');
    expect(one({ target: 'header', property: 'X-Missing', operator: 'exists' })).toMatchObject({
      outcome: 'failed',
      message: 'expected it to exist, but it is missing',
    });
    expect(one({ target: 'header', property: 'X-Missing', operator: 'equals', expected: 'x' })).toMatchObject({
      outcome: 'failed',
      message: 'it is missing from the response',
    });
    expect(one({ target: 'header', property: ' ', operator: 'exists' })).toMatchObject({ outcome: 'failed', message: 'Name the header to check.' });
  });

  it('response time and body size compare as numbers', () => {
    expect(one({ target: 'responseTime', operator: 'lessThan', expected: '500' })).toMatchObject({ outcome: 'passed', actual: '123' });
    expect(one({ target: 'responseTime', operator: 'lessThan', expected: '100' })).toMatchObject({
      outcome: 'failed',
      message: 'expected less than 100, got 123',
    });
    expect(one({ target: 'bodySize', operator: 'greaterOrEqual', expected: String(JSON.stringify(body).length) }).outcome).toBe('passed');
    expect(one({ target: 'bodySize', operator: 'greaterThan', expected: '1e9' }).outcome).toBe('failed');
    expect(one({ target: 'bodySize', operator: 'lessOrEqual', expected: 'ten' })).toMatchObject({ outcome: 'failed', message: '“ten” is not a number' });
  });

  it('JSONPath: one match is the value, several are an array, none is missing', () => {
    expect(one({ target: 'jsonPath', property: '$.id', operator: 'equals', expected: '42' })).toMatchObject({ outcome: 'passed', actual: '42' });
    expect(one({ target: 'jsonPath', property: '$.name', operator: 'equals', expected: 'Ada' })).toMatchObject({ outcome: 'passed', actual: 'Ada' });
    expect(one({ target: 'jsonPath', property: '$.items[*].id', operator: 'equals', expected: '[1,2]' })).toMatchObject({ outcome: 'passed', actual: '[1,2]' });
    expect(one({ target: 'jsonPath', property: '$.nope', operator: 'exists' }).outcome).toBe('failed');
    expect(one({ target: 'jsonPath', property: '$.nested', operator: 'equals', expected: '{"empty":[],"none":null,"ok":true}' }).outcome).toBe('passed');
  });

  it('JSONPath filter expressions run without eval (safe mode)', () => {
    expect(one({ target: 'jsonPath', property: '$.items[?(@.id > 1)].id', operator: 'equals', expected: '2' }).outcome).toBe('passed');
    // code in a filter is not run: the safe evaluator refuses what is not an expression over @
    const hostile = one({ target: 'jsonPath', property: '$.items[?(this.constructor.constructor("return process")())]', operator: 'exists' });
    expect(hostile.outcome).toBe('failed');
  });

  it('an invalid JSONPath, a non-JSON body or a cut body is a clear failure, never a throw', () => {
    expect(one({ target: 'jsonPath', property: 'id', operator: 'exists' })).toMatchObject({
      outcome: 'failed',
      message: 'Invalid JSONPath “id”: it must start with $.',
    });
    expect(one({ target: 'jsonPath', property: '', operator: 'exists' }).message).toMatch(/empty/);
    expect(one({ target: 'jsonPath', property: '$.[?(', operator: 'exists' })).toMatchObject({ outcome: 'failed' });
    expect(one({ target: 'jsonPath', property: '$.id', operator: 'exists' }, response({ bodyText: '<html>' })).message).toMatch(/not valid JSON/);
    const cut = response({ bodySize: 50_000_000, bodyTruncated: true });
    expect(one({ target: 'jsonPath', property: '$.id', operator: 'exists' }, cut).message).toBe(
      `The body is 50000000 bytes; only the first ${TEST_BODY_CAP_BYTES} bytes are read for tests, so it cannot be parsed as JSON.`,
    );
  });

  it('regex: group 1 by default, a chosen group, the whole match without groups; an invalid pattern fails', () => {
    const res = response({ bodyText: 'token=abc123; user=ada' });
    expect(one({ target: 'regex', property: 'token=(\\w+)', operator: 'equals', expected: 'abc123' }, res).outcome).toBe('passed');
    expect(one({ target: 'regex', property: '(token)=(\\w+)', group: 2, operator: 'equals', expected: 'abc123' }, res).outcome).toBe('passed');
    expect(one({ target: 'regex', property: 'user=\\w+', operator: 'equals', expected: 'user=ada' }, res).outcome).toBe('passed');
    expect(one({ target: 'regex', property: '/USER=(\\w+)/i', operator: 'equals', expected: 'ada' }, res).outcome).toBe('passed');
    expect(one({ target: 'regex', property: 'x(', operator: 'exists' }, res).message).toMatch(/^Invalid regular expression “x\(”/);
    expect(one({ target: 'regex', property: 'user', group: 3, operator: 'exists' }, res).message).toBe('The regular expression “user” has no group 3.');
    expect(one({ target: 'regex', property: 'nomatch', operator: 'exists' }, res).outcome).toBe('failed');
  });

  it('body text on a cut body says only the first bytes were checked, even when it passes', () => {
    const result = one({ target: 'body', operator: 'contains', expected: 'Ada' }, response({ bodySize: 9e9, bodyTruncated: true }));
    expect(result.outcome).toBe('passed');
    expect(result.message).toBe(`Only the first ${TEST_BODY_CAP_BYTES} of 9000000000 body bytes were checked.`);
  });
});

describe('evaluateAssertions: operators', () => {
  const path = (property: string, operator: AssertionRow['operator'], expected = '') => one({ target: 'jsonPath', property, operator, expected }).outcome;

  it('equals / notEquals are loose on typed text but strict on strings', () => {
    expect(path('$.nested.ok', 'equals', 'true')).toBe('passed');
    expect(path('$.nested.none', 'equals', 'null')).toBe('passed');
    expect(path('$.name', 'equals', '"Ada"')).toBe('failed');
    expect(path('$.id', 'notEquals', '41')).toBe('passed');
    expect(path('$.id', 'notEquals', '42')).toBe('failed');
    expect(path('$.missing', 'notEquals', '42')).toBe('passed');
    expect(path('$.tags', 'equals', '["a","b"]')).toBe('passed');
    expect(path('$.tags', 'equals', '["b","a"]')).toBe('failed');
  });

  it('contains on strings, arrays (by element) and objects (by key)', () => {
    expect(path('$.name', 'contains', 'd')).toBe('passed');
    expect(path('$.tags', 'contains', 'b')).toBe('passed');
    expect(path('$.tags', 'contains', 'c')).toBe('failed');
    expect(path('$.items', 'contains', '{"id":2}')).toBe('passed');
    expect(path('$.nested', 'contains', 'ok')).toBe('passed');
    expect(path('$.id', 'contains', '4')).toBe('passed');
  });

  it('matches: a regex over the value; an invalid one fails with the reason', () => {
    expect(path('$.name', 'matches', '^A.a$')).toBe('passed');
    expect(path('$.name', 'matches', '^b')).toBe('failed');
    expect(one({ target: 'jsonPath', property: '$.name', operator: 'matches', expected: '[' }).message).toMatch(/Invalid regular expression/);
  });

  it('numeric comparisons on numbers and numeric strings; a non-number actual fails with a message', () => {
    expect(path('$.price', 'lessThan', '10')).toBe('passed');
    expect(path('$.price', 'lessOrEqual', '9.5')).toBe('passed');
    expect(path('$.price', 'greaterThan', '9.5')).toBe('failed');
    expect(path('$.price', 'greaterOrEqual', '9.5')).toBe('passed');
    expect(one({ target: 'jsonPath', property: '$.name', operator: 'lessThan', expected: '3' }).message).toBe('expected a number less than 3, got Ada');
  });

  it('exists, isEmpty', () => {
    expect(path('$.nested.none', 'exists')).toBe('passed');
    expect(path('$.nested.empty', 'isEmpty')).toBe('passed');
    expect(path('$.nested.none', 'isEmpty')).toBe('passed');
    expect(path('$.tags', 'isEmpty')).toBe('failed');
    expect(one({ target: 'body', operator: 'isEmpty' }, response({ bodyText: '', bodySize: 0 })).outcome).toBe('passed');
  });

  it('isType for every JSON type, integer included; an unknown type name fails clearly', () => {
    expect(path('$.name', 'isType', 'string')).toBe('passed');
    expect(path('$.id', 'isType', 'number')).toBe('passed');
    expect(path('$.id', 'isType', 'integer')).toBe('passed');
    expect(path('$.price', 'isType', 'integer')).toBe('failed');
    expect(path('$.nested.ok', 'isType', 'boolean')).toBe('passed');
    expect(path('$.nested', 'isType', 'object')).toBe('passed');
    expect(path('$.tags', 'isType', 'array')).toBe('passed');
    expect(path('$.tags', 'isType', 'object')).toBe('failed');
    expect(path('$.nested.none', 'isType', 'null')).toBe('passed');
    expect(one({ target: 'jsonPath', property: '$.id', operator: 'isType', expected: 'array' }).message).toBe('expected type array, got number');
    expect(one({ target: 'jsonPath', property: '$.id', operator: 'isType', expected: 'thing' }).message).toMatch(/^Unknown type “thing”/);
  });

  it('matchesSchema with ajv: valid, invalid with the reasons, draft 2020-12, and a broken schema as a failure', () => {
    const schema = JSON.stringify({ type: 'object', required: ['id', 'name'], properties: { id: { type: 'integer' }, name: { type: 'string' } } });
    expect(path('$', 'matchesSchema', schema)).toBe('passed');
    const failing = one({ target: 'jsonPath', property: '$', operator: 'matchesSchema', expected: JSON.stringify({ type: 'object', required: ['email'] }) });
    expect(failing).toMatchObject({ outcome: 'failed', message: "does not match the schema: (root) must have required property 'email'" });
    const modern = JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'array', prefixItems: [{ const: 'a' }] });
    expect(path('$.tags', 'matchesSchema', modern)).toBe('passed');
    expect(one({ target: 'jsonPath', property: '$', operator: 'matchesSchema', expected: '{not json' }).message).toMatch(/^The JSON Schema is not valid JSON/);
    expect(one({ target: 'jsonPath', property: '$', operator: 'matchesSchema', expected: '{"type":"nonsense"}' }).message).toMatch(
      /^The JSON Schema is invalid/,
    );
    expect(one({ target: 'jsonPath', property: '$', operator: 'matchesSchema', expected: '3' }).message).toBe('The JSON Schema must be an object.');
  });
});

describe('evaluateAssertions: rows', () => {
  it('keeps row order, skips disabled rows, and a broken row does not hide the others', () => {
    const results = evaluateAssertions(
      [
        row({ target: 'status', operator: 'equals', expected: '200' }),
        row({ target: 'jsonPath', property: 'bad', operator: 'exists' }),
        row({ target: 'status', operator: 'equals', expected: '500', enabled: false }),
        row({ target: 'jsonPath', property: '$.id', operator: 'equals', expected: '42' }),
      ],
      response(),
    );
    expect(results.map((result) => result.outcome)).toEqual(['passed', 'failed', 'skipped', 'passed']);
    expect(results.every((result) => result.source === 'assertion')).toBe(true);
  });

  it('cuts a huge actual value to a readable length that the contract accepts', () => {
    const big = 'x'.repeat(100_000);
    const result = one({ target: 'body', operator: 'equals', expected: 'y' }, response({ bodyText: big, bodySize: big.length }));
    expect(result.actual!.length).toBe(1001);
    expect(result.message!.length).toBeLessThanOrEqual(4000);
  });
});
