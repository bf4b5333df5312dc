import { describe, expect, it } from 'vitest';
import { exampleFromSchema } from './example-from-schema';

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
    expect(exampleFromSchema({ allOf: [{ type: 'object', properties: { a: { type: 'string' } } }, { properties: { b: { type: 'integer' } } }] })).toEqual({ a: 'string', b: 0 });
    expect(exampleFromSchema({ oneOf: [{ type: 'boolean' }, { type: 'string' }] })).toBe(true);
    expect(exampleFromSchema({ anyOf: [{ type: 'string', format: 'uuid' }] })).toBe('3fa85f64-5717-4562-b3fc-2c963f66afa6');
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
