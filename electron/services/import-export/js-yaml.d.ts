// js-yaml comes with @apidevtools/swagger-parser (which parses YAML with it); only what fast-yaml.ts uses is typed.
declare module 'js-yaml' {
  export const JSON_SCHEMA: unknown;
  export function load(text: string, options?: { schema?: unknown }): unknown;
}
