import { JSON_SCHEMA, load } from 'js-yaml';
import { parse as parseYaml } from 'yaml';

/** An anchor (`&name`) after a space, a "- ", a "[" or "{": the only way a YAML text can use aliases. */
const ANCHOR = /(?:^|[\s[{,])&[^\s,[\]{}]+/m;

/**
 * YAML for large descriptions: js-yaml, the parser swagger-parser itself uses (with its JSON schema, so "2XX" or
 * "yes" stay strings), reads a Microsoft Graph-sized file some ten times faster than the yaml package. It has no alias
 * limit, so a text that defines anchors goes to the yaml package and its "billion laughs" guard instead.
 */
export function parseLargeYaml(text: string): unknown {
  if (ANCHOR.test(text)) return parseYaml(text, { maxAliasCount: 100 });
  return load(text, { schema: JSON_SCHEMA });
}
