import Ajv, { type ValidateFunction } from 'ajv';
import Ajv2019 from 'ajv/dist/2019.js';
import Ajv2020 from 'ajv/dist/2020.js';

type SchemaCheck = { ok: true; valid: boolean; errors: string } | { ok: false; message: string };

// One validator per dialect, created on first use; strict off so a schema with "example" or vendor keywords still
// validates (a tester pastes the schema from the API's docs, they do not lint it).
const validators: { draft7?: Ajv; d2019?: Ajv2019; d2020?: Ajv2020 } = {};
const compiled = new Map<string, ValidateFunction>();
const CACHE_MAX = 100;

function validatorFor(schema: unknown): Ajv | Ajv2019 | Ajv2020 {
  const dialect = typeof schema === 'object' && schema !== null ? String((schema as { $schema?: unknown }).$schema ?? '') : '';
  const options = { strict: false, allErrors: true, validateFormats: false } as const;
  if (dialect.includes('2020-12')) return (validators.d2020 ??= new Ajv2020(options));
  if (dialect.includes('2019-09')) return (validators.d2019 ??= new Ajv2019(options));
  return (validators.draft7 ??= new Ajv(options));
}

/** Validates `value` against the JSON Schema written in `schemaText`; a schema that does not compile is a message. */
export function checkSchema(value: unknown, schemaText: string): SchemaCheck {
  let validate = compiled.get(schemaText);
  if (validate === undefined) {
    let schema: unknown;
    try {
      schema = JSON.parse(schemaText);
    } catch (error) {
      return { ok: false, message: `The JSON Schema is not valid JSON (${error instanceof Error ? error.message : String(error)}).` };
    }
    if (typeof schema !== 'object' && typeof schema !== 'boolean') return { ok: false, message: 'The JSON Schema must be an object.' };
    try {
      validate = validatorFor(schema).compile(schema as object);
    } catch (error) {
      return { ok: false, message: `The JSON Schema is invalid: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (compiled.size >= CACHE_MAX) compiled.delete(compiled.keys().next().value as string);
    compiled.set(schemaText, validate);
  }
  const valid = validate(value) === true;
  const errors = valid
    ? ''
    : (validate.errors ?? [])
        .slice(0, 5)
        .map((error) => `${error.instancePath || '(root)'} ${error.message ?? 'is invalid'}`)
        .join('; ');
  return { ok: true, valid, errors };
}
