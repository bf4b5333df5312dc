import { JSON_SCHEMA, load } from 'js-yaml';
import { parse as parseYaml } from 'yaml';

/** what may come before an anchor's "&" (a space, a line break, "[", "{" or ",") and what may not follow it */
const BEFORE_ANCHOR = /[\s[{,]/;
const NOT_IN_ANCHOR = /[\s,[\]{}]/;

/**
 * Whether the text may define an anchor (`&name` after a space, a "- ", a "[", "{" or ","): the only way a YAML text
 * can use aliases. Each "&" is looked at where indexOf finds it; a regex searching the whole text for the same thing
 * tried its alternatives at every one of a 58 MB description's characters, some 70 ms.
 */
function mayDefineAnchor(text: string): boolean {
  for (let at = text.indexOf('&'); at !== -1; at = text.indexOf('&', at + 1)) {
    const next = text[at + 1];
    if ((at === 0 || BEFORE_ANCHOR.test(text[at - 1]!)) && next !== undefined && !NOT_IN_ANCHOR.test(next)) return true;
  }
  return false;
}

/**
 * YAML for large descriptions: js-yaml, the parser swagger-parser itself uses (with its JSON schema, so "2XX" or
 * "yes" stay strings), reads a Microsoft Graph-sized file some ten times faster than the yaml package. It has no alias
 * limit, so a text that defines anchors goes to the yaml package and its "billion laughs" guard instead.
 */
export function parseLargeYaml(text: string): unknown {
  if (mayDefineAnchor(text)) return parseYaml(text, { maxAliasCount: 100 });
  return load(text, { schema: JSON_SCHEMA });
}
