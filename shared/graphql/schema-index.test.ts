import { buildSchema, introspectionFromSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { completeAt, diagnose } from './language';
import { indexSchema, schemaFromIntrospection, searchSchema } from './schema-index';

const SDL = `
  "A person"
  type User { id: ID!, name: String!, email: String @deprecated(reason: "Use contact"), posts(first: Int = 10): [Post!]! }
  type Post { title: String! }
  enum Role { ADMIN, GUEST @deprecated(reason: "gone") }
  input NewUser { name: String! }
  union Thing = User | Post
  type Query { user(id: ID!): User, things: [Thing] }
  type Mutation { addUser(input: NewUser!): User }
  type Subscription { userAdded: User }
`;
const schema = schemaFromIntrospection(introspectionFromSchema(buildSchema(SDL)));

describe('schema index', () => {
  const index = indexSchema(schema);

  it('puts the roots first and describes fields, args, deprecations, enums, inputs and unions', () => {
    expect(index.types.slice(0, 3).map((t) => [t.name, t.root])).toEqual([
      ['Query', 'query'],
      ['Mutation', 'mutation'],
      ['Subscription', 'subscription'],
    ]);
    expect(index.types.some((t) => t.name.startsWith('__'))).toBe(false);
    const user = index.types.find((t) => t.name === 'User')!;
    expect(user.description).toBe('A person');
    expect(user.fields.find((f) => f.name === 'email')).toMatchObject({ deprecated: true, deprecationReason: 'Use contact', type: 'String' });
    expect(user.fields.find((f) => f.name === 'posts')!.args).toEqual([{ name: 'first', type: 'Int', description: null, defaultValue: '10' }]);
    expect(index.types.find((t) => t.name === 'Role')).toMatchObject({ kind: 'enum', fields: [{ name: 'ADMIN' }, { name: 'GUEST', deprecated: true }] });
    expect(index.types.find((t) => t.name === 'NewUser')).toMatchObject({ kind: 'input', fields: [{ name: 'name', type: 'String!' }] });
    expect(index.types.find((t) => t.name === 'Thing')!.possibleTypes).toEqual(['User', 'Post']);
  });

  it('accepts the whole { data } answer too, and refuses what is not introspection', () => {
    expect(() => schemaFromIntrospection({ data: introspectionFromSchema(schema) })).not.toThrow();
    expect(() => schemaFromIntrospection({ hello: 1 })).toThrow(/__schema/);
  });

  it('searches type names first, then fields and descriptions, up to a limit', () => {
    expect(searchSchema(index, 'user').slice(0, 2)).toEqual([
      { typeName: 'User', fieldName: null },
      { typeName: 'NewUser', fieldName: null },
    ]);
    expect(searchSchema(index, 'TITLE')).toEqual([{ typeName: 'Post', fieldName: 'title' }]);
    expect(searchSchema(index, '', 2)).toHaveLength(2);
  });
});

describe('completion and validation', () => {
  it('suggests the fields of the type under the cursor with their types', () => {
    const query = '{ user(id: 1) { n } }';
    const items = completeAt(schema, query, 1, query.indexOf('n }') + 2);
    expect(items.map((i) => i.label)).toContain('name');
    expect(items.find((i) => i.label === 'name')).toMatchObject({ kind: 'field', detail: 'String!' });
  });

  it('reports unknown fields and syntax errors in 1-based editor positions', () => {
    const unknown = diagnose(schema, '{\n  nope\n}');
    expect(unknown[0]).toMatchObject({ severity: 'error', startLine: 2, startColumn: 3 });
    expect(unknown[0]!.message).toMatch(/nope/);
    expect(diagnose(schema, '{ user(')[0]!.severity).toBe('error');
    expect(diagnose(schema, '   ')).toEqual([]);
  });
});
