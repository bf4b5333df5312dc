import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { exampleFromSchema } from './example-from-schema';

const gistsUpdate = JSON.parse(readFileSync(new URL('./fixtures/github-gists-update.json', import.meta.url), 'utf8')) as {
  paths: Record<string, { patch: { requestBody: { content: Record<string, { schema: unknown }> } } }>;
};

describe('exampleFromSchema', () => {
  it('prefers example, examples, const, default and enum', () => {
    expect(exampleFromSchema({ type: 'string', example: 'ex' })).toBe('ex');
    expect(exampleFromSchema({ type: 'string', examples: ['first'] })).toBe('first');
    expect(exampleFromSchema({ const: 3 })).toBe(3);
    expect(exampleFromSchema({ type: 'integer', default: 7 })).toBe(7);
    expect(exampleFromSchema({ type: 'string', enum: ['open', 'closed'] })).toBe('open');
  });
  it('writes objects, arrays and formats', () => {
    expect(
      exampleFromSchema({
        type: 'object',
        properties: {
          id: { type: 'integer', readOnly: true },
          email: { type: 'string', format: 'email' },
          at: { type: 'string', format: 'date-time' },
          tags: { type: 'array', items: { type: 'string' } },
          ratio: { type: 'number', minimum: 0.5 },
          ok: { type: ['boolean', 'null'] },
        },
      }),
    ).toEqual({ email: 'user@example.com', at: '2024-01-01T00:00:00Z', tags: ['string'], ratio: 0.5, ok: true });
  });
  it('merges allOf and takes the first of oneOf and anyOf', () => {
    expect(exampleFromSchema({ allOf: [{ type: 'object', properties: { a: { type: 'string' } } }, { properties: { b: { type: 'integer' } } }] })).toEqual({
      a: 'string',
      b: 0,
    });
    expect(exampleFromSchema({ oneOf: [{ type: 'boolean' }, { type: 'string' }] })).toBe(true);
    expect(exampleFromSchema({ anyOf: [{ type: 'string', format: 'uuid' }] })).toBe('3fa85f64-5717-4562-b3fc-2c963f66afa6');
  });
  it('keeps the properties when oneOf/anyOf only lists required alternatives (GitHub PATCH /gists/{gist_id})', () => {
    const schema = gistsUpdate.paths['/gists/{gist_id}']!.patch.requestBody.content['application/json']!.schema;
    expect(exampleFromSchema(schema)).toEqual({ description: 'Example Ruby script', files: { 'hello.rb': { content: 'blah', filename: 'goodbye.rb' } } });
    const files = {
      type: 'object',
      additionalProperties: { type: 'object', anyOf: [{ required: ['content'] }, { required: ['filename'] }], properties: { content: { type: 'string' } } },
    };
    expect(exampleFromSchema(files)).toEqual({ key: { content: 'string' } });
  });
  it('keeps the properties of a required-only oneOf merged in through allOf, and refines them with a real alternative', () => {
    const base = { type: 'object', properties: { name: { type: 'string' }, size: { type: 'integer' } } };
    expect(exampleFromSchema({ allOf: [base, { oneOf: [{ required: ['name'] }, { required: ['size'] }] }] })).toEqual({ name: 'string', size: 0 });
    expect(exampleFromSchema({ ...base, oneOf: [{ properties: { kind: { enum: ['a', 'b'] } } }] })).toEqual({ name: 'string', size: 0, kind: 'a' });
  });
  it('stops at a circular reference', () => {
    const node: Record<string, unknown> = { type: 'object', properties: { name: { type: 'string' } } };
    (node.properties as Record<string, unknown>).children = { type: 'array', items: node };
    expect(exampleFromSchema(node)).toEqual({ name: 'string', children: [{}] });
  });
  it('bounds depth on deep non-circular schemas', () => {
    let schema: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 50; i += 1) schema = { type: 'object', properties: { next: schema } };
    expect(JSON.stringify(exampleFromSchema(schema)).length).toBeLessThan(200);
  });
});

describe('exampleFromSchema over a large description', () => {
  it('merges each allOf schema once for all the examples that share a context', () => {
    let reads = 0;
    const base = { type: 'object', properties: { id: { type: 'string' } } };
    const entity: Record<string, unknown> = { title: 'user', type: 'object', properties: { name: { type: 'string' } } };
    // counts every look at allOf: one per example to see it is there, and two per merge (read, then the copy)
    const schema = Object.defineProperty({}, 'allOf', { enumerable: true, get: () => ((reads += 1), [base, entity]) });
    const merged = new WeakMap<Record<string, unknown>, Record<string, unknown>>();
    for (let i = 0; i < 10; i += 1) expect(exampleFromSchema(schema, merged)).toEqual({ id: 'string', name: 'string' });
    expect(reads).toBe(10 + 2);
  });
});
