import { variableNameSchema, type CaptureRow, type CaptureScope } from '../contract';
import { headerValue } from './actual-value';
import { parseJsonBody, queryJsonPath } from './json-path';
import { matchRegex } from './regex';
import { TEST_BODY_CAP_BYTES, type TestResponse } from './response-view';

export type CaptureExtract =
  | { variable: string; scope: CaptureScope; secret: boolean; ok: true; value: string }
  | { variable: string; scope: CaptureScope; secret: boolean; ok: false; message: string; skipped?: boolean };

/** A JSON value as a variable holds it: strings as they are, everything else as JSON text. */
function asVariableText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function extractOne(row: CaptureRow, response: TestResponse): { ok: true; value: string } | { ok: false; message: string } {
  switch (row.source) {
    case 'header': {
      const value = headerValue(response.headers, row.expression);
      return value === undefined ? { ok: false, message: `The response has no ${row.expression.trim()} header.` } : { ok: true, value };
    }
    case 'regex': {
      const lookup = matchRegex(response.bodyText, row.expression, row.group);
      if (!lookup.ok) return lookup;
      return lookup.found && lookup.value !== undefined
        ? { ok: true, value: lookup.value }
        : { ok: false, message: `${row.expression} did not match the body.` };
    }
    case 'jsonPath': {
      const body = parseJsonBody(response.bodyText, response.bodyTruncated, response.bodySize, TEST_BODY_CAP_BYTES);
      if (!body.ok) return body;
      const lookup = queryJsonPath(body.json, row.expression);
      if (!lookup.ok) return lookup;
      return lookup.found ? { ok: true, value: asVariableText(lookup.value) } : { ok: false, message: `${row.expression.trim()} found nothing in the body.` };
    }
  }
}

/** What each enabled capture row takes from the response; writing the values is the caller's (a service's) job. */
export function extractCaptures(rows: readonly CaptureRow[], response: TestResponse): CaptureExtract[] {
  return rows.map((row): CaptureExtract => {
    const base = { variable: row.variable.trim(), scope: row.scope, secret: row.secret };
    if (!row.enabled) return { ...base, ok: false, message: 'This capture is turned off.', skipped: true };
    // a row just added and not filled in yet is not a failure of the response
    if (base.variable === '' || row.expression.trim() === '')
      return {
        ...base,
        ok: false,
        message: base.variable === '' ? 'No variable named yet: nothing captured.' : 'Nothing to capture yet: the row has no expression.',
        skipped: true,
      };
    if (!variableNameSchema.safeParse(base.variable).success) return { ...base, ok: false, message: `“${base.variable}” is not a variable name.` };
    try {
      const result = extractOne(row, response);
      return result.ok ? { ...base, ok: true, value: result.value } : { ...base, ok: false, message: result.message.slice(0, 4000) };
    } catch (error) {
      return { ...base, ok: false, message: `Could not be captured: ${error instanceof Error ? error.message : String(error)}` };
    }
  });
}
