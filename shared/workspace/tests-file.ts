import type { AssertionRow, CaptureRow, RequestTests } from '../contract/testing';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

// Fixed key order, defaults left out (enabled, empty property/expected, scope "environment", secret false), so a diff
// of a request file shows only what the tester changed.
function assertion(row: AssertionRow): Json {
  const out: { [key: string]: Json } = { target: row.target };
  if (row.property !== '') out.property = row.property;
  if (row.group !== undefined) out.group = row.group;
  out.operator = row.operator;
  if (row.expected !== '') out.expected = row.expected;
  if (!row.enabled) out.enabled = false;
  return out;
}

function capture(row: CaptureRow): Json {
  const out: { [key: string]: Json } = { source: row.source, expression: row.expression };
  if (row.group !== undefined) out.group = row.group;
  out.variable = row.variable;
  if (row.scope !== 'environment') out.scope = row.scope;
  if (row.secret) out.secret = true;
  if (!row.enabled) out.enabled = false;
  return out;
}

/** The "tests" key of a request file, or null when there is nothing to write (the key is then left out). */
export function testsJson(tests: RequestTests | undefined): Json | null {
  if (!tests || (tests.assertions.length === 0 && tests.captures.length === 0)) return null;
  const out: { [key: string]: Json } = {};
  if (tests.assertions.length > 0) out.assertions = tests.assertions.map(assertion);
  if (tests.captures.length > 0) out.captures = tests.captures.map(capture);
  return out;
}
