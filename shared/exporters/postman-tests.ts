import type { AssertionRow, CaptureRow, RequestTests } from '../contract/testing';
import { describeAssertion } from '../testing/describe-row';

/**
 * A request's Tests tab as the lines of a Postman "test" script, so an exported collection keeps its checks. What
 * does not map plainly (JSONPath beyond a simple member path, isEmpty on unknown shapes…) is written as a comment
 * "Not carried over: …" rather than guessed, so a tester sees in Postman exactly what is missing.
 */

// $.a.b[0]['c d'] — what Postman can read as a property chain on pm.response.json()
const SIMPLE_PATH = /^\$((\.[A-Za-z_$][\w$]*)|(\[\d+\])|(\['[^'\\]*'\]))*$/;

const js = (value: string): string => JSON.stringify(value);

function jsonPathAccess(expression: string): string | null {
  const path = expression.trim();
  return SIMPLE_PATH.test(path) ? `pm.response.json()${path.slice(1)}` : null;
}

function compile(pattern: string): RegExp | null {
  const literal = /^\/(.*)\/([dimsuvy]*)$/s.exec(pattern);
  try {
    return literal ? new RegExp(literal[1] ?? '', literal[2]) : new RegExp(pattern);
  } catch {
    return null;
  }
}

const regexLiteral = (pattern: string): string | null => compile(pattern)?.toString() ?? null;

function regexAccess(pattern: string, group: number | undefined): string | null {
  const regex = compile(pattern);
  if (regex === null) return null;
  // the same default group as the engine: 1 when the pattern has groups, else the whole match
  const groups = new RegExp(`${regex.source}|`).exec('')?.length ?? 1;
  return `(pm.response.text().match(${regex.toString()}) || [])[${group ?? (groups > 1 ? 1 : 0)}]`;
}

function valueOf(row: Pick<AssertionRow, 'target' | 'property' | 'group'>): string | null {
  switch (row.target) {
    case 'status':
      return 'pm.response.code';
    case 'header':
      return `pm.response.headers.get(${js(row.property.trim())})`;
    case 'responseTime':
      return 'pm.response.responseTime';
    case 'bodySize':
      return 'pm.response.size().body';
    case 'body':
      return 'pm.response.text()';
    case 'jsonPath':
      return jsonPathAccess(row.property);
    case 'regex':
      return regexAccess(row.property, row.group);
  }
}

const NUMERIC_TARGETS = new Set(['status', 'responseTime', 'bodySize']);
const STRING_TARGETS = new Set(['header', 'body', 'regex']);

/** The expected text as a script expression: {{variables}} through pm.variables.replaceIn, JSON kept as JSON. */
function expectedValue(row: AssertionRow, asNumber: boolean): string {
  const text = row.expected;
  if (text.includes('{{')) return asNumber ? `Number(pm.variables.replaceIn(${js(text)}))` : `pm.variables.replaceIn(${js(text)})`;
  if (asNumber) return String(Number(text.trim()));
  if (STRING_TARGETS.has(row.target)) return js(text);
  try {
    return JSON.stringify(JSON.parse(text.trim()));
  } catch {
    return js(text);
  }
}

const NUMBER_CHAINS: Partial<Record<AssertionRow['operator'], string>> = {
  lessThan: 'to.be.below',
  lessOrEqual: 'to.be.at.most',
  greaterThan: 'to.be.above',
  greaterOrEqual: 'to.be.at.least',
};

function expectation(row: AssertionRow, value: string): string | null {
  const numeric = NUMERIC_TARGETS.has(row.target);
  const numberChain = NUMBER_CHAINS[row.operator];
  if (numberChain)
    return Number.isFinite(Number(row.expected.trim())) || row.expected.includes('{{')
      ? `pm.expect(Number(${value})).${numberChain}(${expectedValue(row, true)})`
      : null;
  switch (row.operator) {
    case 'equals':
      return `pm.expect(${value}).to.eql(${expectedValue(row, numeric)})`;
    case 'notEquals':
      return `pm.expect(${value}).to.not.eql(${expectedValue(row, numeric)})`;
    case 'contains':
      return `pm.expect(${value}).to.include(${row.expected.includes('{{') ? expectedValue(row, false) : js(row.expected)})`;
    case 'matches': {
      const literal = regexLiteral(row.expected);
      return literal === null ? null : `pm.expect(String(${value})).to.match(${literal})`;
    }
    case 'exists':
      return row.target === 'header' ? `pm.expect(pm.response.headers.has(${js(row.property.trim())})).to.be.true` : `pm.expect(${value}).to.not.be.undefined`;
    case 'isEmpty':
      return `pm.expect(${value}).to.be.empty`;
    case 'isType': {
      const type = row.expected.trim().toLowerCase();
      if (type === 'integer') return `pm.expect(Number.isInteger(${value})).to.be.true`;
      return ['string', 'number', 'boolean', 'object', 'array', 'null'].includes(type) ? `pm.expect(${value}).to.be.a(${js(type)})` : null;
    }
    case 'matchesSchema':
      try {
        return `pm.expect(${value}).to.have.jsonSchema(${JSON.stringify(JSON.parse(row.expected))})`;
      } catch {
        return null;
      }
    default:
      return null;
  }
}

function assertionLines(row: AssertionRow): string[] {
  const name = describeAssertion(row);
  if (!row.enabled) return [`// Turned off in Courier: ${name}`];
  const value = valueOf(row);
  const check = value === null ? null : expectation(row, value);
  if (check === null) return [`// Not carried over: ${name}`];
  return [`pm.test(${js(name)}, function () {`, `    ${check};`, '});'];
}

const SETTERS: Record<CaptureRow['scope'], string> = {
  environment: 'pm.environment.set',
  collection: 'pm.collectionVariables.set',
  request: 'pm.variables.set',
};

function captureLines(row: CaptureRow): string[] {
  const label = `capture {{${row.variable}}} from ${row.expression}`;
  if (!row.enabled) return [`// Turned off in Courier: ${label}`];
  const value =
    row.source === 'header'
      ? `pm.response.headers.get(${js(row.expression.trim())})`
      : row.source === 'jsonPath'
        ? jsonPathAccess(row.expression)
        : regexAccess(row.expression, row.group);
  if (value === null) return [`// Not carried over: ${label}`];
  // Postman has no vault: a secret capture is still set, and said so, so the tester can mark the variable secret there
  return [
    ...(row.secret ? [`// {{${row.variable}}} is a secret in Courier: mark it secret in Postman`] : []),
    `${SETTERS[row.scope]}(${js(row.variable)}, ${value});`,
  ];
}

/** Script lines for Postman's "test" event, or none when the request has no tests. */
export function postmanTestScript(tests: RequestTests | undefined): string[] {
  if (!tests) return [];
  return [...tests.assertions.flatMap(assertionLines), ...tests.captures.flatMap(captureLines)];
}
