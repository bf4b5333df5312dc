import { type z } from 'zod';
import { harSchema, type Har } from './har-schema';

type ParseHarResult = { ok: true; har: Har } | { ok: false; message: string; path: string };

/** "log.entries[3].response.status" from zod's path array. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    const expected = String(issue.expected);
    const article = /^[aeiou]/.test(expected) ? 'an' : 'a';
    return `expected ${article} ${expected}`;
  }
  return issue.message;
}

/** Validates HAR text; the error names the first wrong field by its JSON path, e.g. 'log.entries[3].response.status: expected a number'. */
export function parseHar(text: string): ParseHarResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, path: '(root)', message: `The file is not valid JSON (${error instanceof Error ? error.message : 'parse error'}).` };
  }
  const result = harSchema.safeParse(json);
  if (result.success) return { ok: true, har: result.data };
  const issue = result.error.issues[0];
  if (!issue) return { ok: false, path: '(root)', message: 'The file is not a HAR file.' };
  const path = formatPath(issue.path);
  return { ok: false, path, message: `${path}: ${describeIssue(issue)}` };
}
