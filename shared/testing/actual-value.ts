import type { AssertionRow } from '../contract';
import { parseJsonBody, queryJsonPath } from './json-path';
import { matchRegex } from './regex';
import { TEST_BODY_CAP_BYTES, type TestResponse } from './response-view';

/** What a row's target holds in this response. `found: false` is a value that is not there (exists fails on it). */
type Actual = { ok: true; found: boolean; value: unknown; note?: string } | { ok: false; message: string };

/** Header values of one name joined as HTTP folds them (RFC 9110 §5.3); names are case-insensitive. */
export function headerValue(headers: TestResponse['headers'], name: string): string | undefined {
  const wanted = name.trim().toLowerCase();
  const values = headers.filter(([candidate]) => candidate.toLowerCase() === wanted).map(([, value]) => value);
  return values.length === 0 ? undefined : values.join(', ');
}

/** Cut at the cap: said in the result so a pass on the first 8 MiB is not read as a pass on the whole body. */
function truncationNote(response: TestResponse): string | undefined {
  return response.bodyTruncated ? `Only the first ${TEST_BODY_CAP_BYTES} of ${response.bodySize} body bytes were checked.` : undefined;
}

export function actualValue(row: Pick<AssertionRow, 'target' | 'property' | 'group'>, response: TestResponse): Actual {
  switch (row.target) {
    case 'status':
      return { ok: true, found: true, value: response.status };
    case 'responseTime':
      return { ok: true, found: true, value: Math.round(response.timeMs) };
    case 'bodySize':
      return { ok: true, found: true, value: response.bodySize };
    case 'header': {
      if (row.property.trim() === '') return { ok: false, message: 'Name the header to check.' };
      const value = headerValue(response.headers, row.property);
      return { ok: true, found: value !== undefined, value };
    }
    case 'body': {
      const note = truncationNote(response);
      return { ok: true, found: true, value: response.bodyText, ...(note ? { note } : {}) };
    }
    case 'regex': {
      const lookup = matchRegex(response.bodyText, row.property, row.group);
      if (!lookup.ok) return lookup;
      const note = truncationNote(response);
      return { ok: true, found: lookup.found, value: lookup.value, ...(note ? { note } : {}) };
    }
    case 'jsonPath': {
      const body = parseJsonBody(response.bodyText, response.bodyTruncated, response.bodySize, TEST_BODY_CAP_BYTES);
      if (!body.ok) return body;
      return queryJsonPath(body.json, row.property);
    }
  }
}
