import {
  buildClientSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';

export type SchemaTypeKind = 'object' | 'interface' | 'union' | 'enum' | 'input' | 'scalar';

export interface SchemaArgEntry {
  name: string;
  /** printed type, e.g. "[ID!]!" */
  type: string;
  description: string | null;
  defaultValue: string | null;
}

export interface SchemaFieldEntry {
  name: string;
  type: string;
  description: string | null;
  args: SchemaArgEntry[];
  deprecationReason: string | null;
  deprecated: boolean;
}

export interface SchemaTypeEntry {
  name: string;
  kind: SchemaTypeKind;
  description: string | null;
  /** fields of objects and interfaces, input fields of inputs, values of enums (with an empty type) */
  fields: SchemaFieldEntry[];
  /** members of a union, implementations of an interface */
  possibleTypes: string[];
  /** which root it is, if any */
  root: 'query' | 'mutation' | 'subscription' | null;
}

/** Plain data (no class instances), so it crosses a worker boundary and feeds the explorer as it is. */
export interface SchemaIndex {
  queryType: string | null;
  mutationType: string | null;
  subscriptionType: string | null;
  /** roots first, then by name; introspection types (__Schema…) left out */
  types: SchemaTypeEntry[];
  fieldCount: number;
}

function argEntry(arg: GraphQLArgument | GraphQLInputField): SchemaArgEntry {
  return {
    name: arg.name,
    type: String(arg.type),
    description: arg.description ?? null,
    defaultValue: arg.defaultValue === undefined ? null : JSON.stringify(arg.defaultValue),
  };
}

function fieldEntry(field: GraphQLField<unknown, unknown>): SchemaFieldEntry {
  return {
    name: field.name,
    type: String(field.type),
    description: field.description ?? null,
    args: field.args.map(argEntry),
    deprecationReason: field.deprecationReason ?? null,
    deprecated: field.deprecationReason != null,
  };
}

function typeEntry(schema: GraphQLSchema, type: GraphQLNamedType, roots: Map<string, SchemaTypeEntry['root']>): SchemaTypeEntry {
  const base = { name: type.name, description: type.description ?? null, root: roots.get(type.name) ?? null };
  if (isObjectType(type) || isInterfaceType(type)) {
    return {
      ...base,
      kind: isObjectType(type) ? 'object' : 'interface',
      fields: Object.values(type.getFields()).map(fieldEntry),
      possibleTypes: isInterfaceType(type) ? schema.getPossibleTypes(type).map((t) => t.name) : [],
    };
  }
  if (isUnionType(type)) return { ...base, kind: 'union', fields: [], possibleTypes: type.getTypes().map((t) => t.name) };
  if (isEnumType(type)) {
    const values = type.getValues().map((value) => ({
      name: value.name,
      type: '',
      description: value.description ?? null,
      args: [],
      deprecationReason: value.deprecationReason ?? null,
      deprecated: value.deprecationReason != null,
    }));
    return { ...base, kind: 'enum', fields: values, possibleTypes: [] };
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).map((field) => ({
      ...argEntry(field),
      args: [],
      deprecationReason: field.deprecationReason ?? null,
      deprecated: field.deprecationReason != null,
    }));
    return { ...base, kind: 'input', fields, possibleTypes: [] };
  }
  return { ...base, kind: 'scalar', fields: [], possibleTypes: [] };
}

export function indexSchema(schema: GraphQLSchema): SchemaIndex {
  const roots = new Map<string, SchemaTypeEntry['root']>();
  const queryType = schema.getQueryType()?.name ?? null;
  const mutationType = schema.getMutationType()?.name ?? null;
  const subscriptionType = schema.getSubscriptionType()?.name ?? null;
  if (queryType) roots.set(queryType, 'query');
  if (mutationType) roots.set(mutationType, 'mutation');
  if (subscriptionType) roots.set(subscriptionType, 'subscription');
  const rootOrder = (entry: SchemaTypeEntry) => (entry.root === 'query' ? 0 : entry.root === 'mutation' ? 1 : entry.root === 'subscription' ? 2 : 3);
  const types = Object.values(schema.getTypeMap())
    .filter((type) => !type.name.startsWith('__'))
    .map((type) => typeEntry(schema, type, roots))
    .sort((a, b) => rootOrder(a) - rootOrder(b) || a.name.localeCompare(b.name));
  return { queryType, mutationType, subscriptionType, types, fieldCount: types.reduce((sum, t) => sum + t.fields.length, 0) };
}

/** The introspection result's `data` (or the whole `{ data }` answer) → a schema for validation and completion. */
export function schemaFromIntrospection(value: unknown): GraphQLSchema {
  const record = value as { __schema?: unknown; data?: { __schema?: unknown } } | null;
  const data = record && record.__schema ? record : record?.data;
  if (!data || typeof data !== 'object' || !('__schema' in data)) throw new Error('This is not an introspection result (no __schema).');
  return buildClientSchema(data as IntrospectionQuery, { assumeValid: true });
}

interface SchemaSearchHit {
  typeName: string;
  /** null: the type itself matched */
  fieldName: string | null;
}

/**
 * Case-insensitive search over type names, field names and descriptions; type-name matches first. Stops at `limit`
 * so a one-letter search over a schema of thousands of types stays cheap.
 */
export function searchSchema(index: SchemaIndex, term: string, limit = 200): SchemaSearchHit[] {
  const needle = term.trim().toLowerCase();
  if (needle === '') return index.types.slice(0, limit).map((type) => ({ typeName: type.name, fieldName: null }));
  // Exact name, then prefix, then anywhere in the name: typing "user" should put User before NewUser.
  const typeHits: [number, SchemaSearchHit][] = [];
  const fieldHits: SchemaSearchHit[] = [];
  for (const type of index.types) {
    const name = type.name.toLowerCase();
    const at = name.indexOf(needle);
    if (at >= 0 && typeHits.length < limit) typeHits.push([name === needle ? 0 : at === 0 ? 1 : 2, { typeName: type.name, fieldName: null }]);
    for (const field of type.fields) {
      if (fieldHits.length >= limit) break;
      if (field.name.toLowerCase().includes(needle) || (field.description ?? '').toLowerCase().includes(needle)) {
        fieldHits.push({ typeName: type.name, fieldName: field.name });
      }
    }
  }
  typeHits.sort((a, b) => a[0] - b[0]);
  return [...typeHits.map(([, hit]) => hit), ...fieldHits].slice(0, limit);
}
