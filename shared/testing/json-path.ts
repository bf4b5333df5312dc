import { JSONPath } from 'jsonpath-plus';

type PathLookup = { ok: true; found: boolean; value: unknown } | { ok: false; message: string };

/**
 * One JSONPath query. "safe" evaluation: filter expressions run in jsonpath-plus's own interpreter, never eval or
 * node:vm, since the expression comes from a request file anyone may have written. One match gives the value itself,
 * several give the array of them (what `$..id` users expect to compare or count).
 */
export function queryJsonPath(json: unknown, expression: string): PathLookup {
  const path = expression.trim();
  if (path === '') return { ok: false, message: 'The JSONPath expression is empty.' };
  if (!path.startsWith('$')) return { ok: false, message: `Invalid JSONPath “${path}”: it must start with $.` };
  let matches: unknown[];
  try {
    matches = JSONPath({ path, json: json as object, wrap: true, eval: 'safe' }) as unknown[];
  } catch (error) {
    return { ok: false, message: `Invalid JSONPath “${path}”: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!Array.isArray(matches) || matches.length === 0) return { ok: true, found: false, value: undefined };
  return { ok: true, found: true, value: matches.length === 1 ? matches[0] : matches };
}

type JsonBody = { ok: true; json: unknown } | { ok: false; message: string };

/** The body as JSON, or why it cannot be: a body cut at the cap is never parsed (half a document is not JSON). */
export function parseJsonBody(text: string, truncated: boolean, size: number, cap: number): JsonBody {
  if (truncated) {
    return { ok: false, message: `The body is ${size} bytes; only the first ${cap} bytes are read for tests, so it cannot be parsed as JSON.` };
  }
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: `The body is not valid JSON (${error instanceof Error ? error.message : String(error)}).` };
  }
}
