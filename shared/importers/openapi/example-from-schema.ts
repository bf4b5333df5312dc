/**
 * An example value for a JSON Schema (OpenAPI 3.0/3.1, Swagger 2.0), for request bodies a person then edits.
 * Explicit example/default/const/enum win; allOf is merged, oneOf/anyOf take the first choice (merged into the schema
 * beside it, so `properties` plus an anyOf that only says which of them are required keeps them); a schema that refers
 * back to itself (dereferenced cycles are real object cycles) stops at the second visit, and depth is bounded.
 */
type Schema = Record<string, unknown>;

const MAX_DEPTH = 8;
const MAX_PROPERTIES = 60;
/** values written per example: wide schemas nested a few levels deep (GitHub's) would otherwise explode */
const MAX_NODES = 150;

const FORMAT_EXAMPLES: Record<string, unknown> = {
  'date-time': '2024-01-01T00:00:00Z',
  date: '2024-01-01',
  time: '12:00:00',
  email: 'user@example.com',
  uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  uri: 'https://example.com',
  url: 'https://example.com',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  byte: 'U3dhZ2dlciByb2Nrcw==',
  binary: '',
  password: 'password',
};

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

function typeOf(schema: Schema): string | undefined {
  const type = schema.type;
  if (typeof type === 'string') return type;
  // 3.1: ["string", "null"]
  if (Array.isArray(type)) return type.find((entry) => entry !== 'null') as string | undefined;
  if (isSchema(schema.properties) || schema.additionalProperties !== undefined) return 'object';
  if (schema.items !== undefined) return 'array';
  return undefined;
}

function mergeAllOf(schema: Schema): Schema {
  const parts = (schema.allOf as unknown[]).filter(isSchema);
  const merged: Schema = { ...schema, allOf: undefined };
  const properties: Schema = {};
  for (const part of parts) {
    const flat = Array.isArray(part.allOf) ? mergeAllOf(part) : part;
    Object.assign(properties, isSchema(flat.properties) ? flat.properties : {});
    for (const [key, value] of Object.entries(flat)) if (key !== 'properties' && merged[key] === undefined) merged[key] = value;
  }
  if (isSchema(schema.properties)) Object.assign(properties, schema.properties);
  if (Object.keys(properties).length > 0) merged.properties = properties;
  return merged;
}

/** Structure a oneOf/anyOf choice can bring: without any, the choice only constrains (e.g. `required: [a]`). */
const SHAPE_KEYS = ['type', 'properties', 'additionalProperties', 'items', 'allOf', 'oneOf', 'anyOf', 'enum', 'const', 'example', 'examples', 'default'];
const hasShape = (schema: Schema): boolean => SHAPE_KEYS.some((key) => schema[key] !== undefined);

/**
 * The schema with its first oneOf/anyOf choice applied. A schema that has a shape of its own (GitHub's PATCH
 * /gists/{gist_id}: properties plus `anyOf: [{required: [description]}, {required: [files]}]`) keeps it, refined by
 * the choice's properties; a bare oneOf/anyOf is the choice itself.
 */
function applyChoice(schema: Schema, choice: Schema): Schema {
  const own: Schema = { ...schema, oneOf: undefined, anyOf: undefined };
  if (!hasShape(own)) return choice;
  if (!hasShape(choice)) return own;
  const merged: Schema = { ...own };
  for (const [key, value] of Object.entries(choice)) if (key !== 'properties' && merged[key] === undefined) merged[key] = value;
  if (isSchema(own.properties) || isSchema(choice.properties))
    merged.properties = { ...(isSchema(own.properties) ? own.properties : {}), ...(isSchema(choice.properties) ? choice.properties : {}) };
  return merged;
}

/**
 * One example's walk: `left` bounds the values it writes; `merged` keeps each allOf schema's merge, which a large
 * description (Microsoft Graph: every entity extends a base through allOf and refers to others) asks for again and
 * again — merging anew each time was a quarter of a 58 MB import's conversion.
 */
interface ExampleContext {
  left: number;
  merged: WeakMap<Schema, Schema>;
}

function merge(raw: Schema, context: ExampleContext): Schema {
  let merged = context.merged.get(raw);
  if (merged === undefined) {
    merged = mergeAllOf(raw);
    context.merged.set(raw, merged);
  }
  return merged;
}

function generate(raw: unknown, seen: Set<unknown>, depth: number, budget: ExampleContext): unknown {
  if (!isSchema(raw)) return null;
  budget.left -= 1;
  if (raw.example !== undefined) return raw.example;
  if (Array.isArray(raw.examples) && raw.examples.length > 0) return raw.examples[0];
  if (raw.const !== undefined) return raw.const;
  if (raw.default !== undefined) return raw.default;
  if (Array.isArray(raw.enum) && raw.enum.length > 0) return raw.enum[0];
  if (seen.has(raw) || depth > MAX_DEPTH || budget.left <= 0) return typeOf(raw) === 'array' ? [] : typeOf(raw) === 'object' ? {} : null;
  seen.add(raw);
  try {
    if (Array.isArray(raw.allOf)) return generate(merge(raw, budget), seen, depth + 1, budget);
    const choice = (Array.isArray(raw.oneOf) ? raw.oneOf : Array.isArray(raw.anyOf) ? raw.anyOf : null)?.find(isSchema);
    if (choice) return generate(applyChoice(raw, choice), seen, depth + 1, budget);
    switch (typeOf(raw)) {
      case 'object': {
        const out: Record<string, unknown> = {};
        const properties = isSchema(raw.properties) ? Object.entries(raw.properties) : [];
        for (const [name, property] of properties.slice(0, MAX_PROPERTIES)) {
          if (isSchema(property) && property.readOnly === true) continue;
          out[name] = generate(property, seen, depth + 1, budget);
        }
        if (properties.length === 0 && isSchema(raw.additionalProperties)) out.key = generate(raw.additionalProperties, seen, depth + 1, budget);
        return out;
      }
      case 'array':
        return raw.items === undefined ? [] : [generate(raw.items, seen, depth + 1, budget)];
      case 'string':
        return typeof raw.format === 'string' && raw.format in FORMAT_EXAMPLES ? FORMAT_EXAMPLES[raw.format] : 'string';
      case 'integer':
        return typeof raw.minimum === 'number' ? Math.ceil(raw.minimum) : 0;
      case 'number':
        return typeof raw.minimum === 'number' ? raw.minimum : 0;
      case 'boolean':
        return true;
      case 'null':
        return null;
      default:
        return null;
    }
  } finally {
    seen.delete(raw);
  }
}

/** `merged`: share one across the examples of one document (see ExampleContext). */
export function exampleFromSchema(schema: unknown, merged: WeakMap<Schema, Schema> = new WeakMap()): unknown {
  return generate(schema, new Set(), 0, { left: MAX_NODES, merged });
}
