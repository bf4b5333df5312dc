import type { AssertionOperator, AssertionRow, AssertionTarget } from '../contract';

export const TARGET_LABELS: Record<AssertionTarget, string> = {
  status: 'Status',
  header: 'Header',
  responseTime: 'Response time (ms)',
  bodySize: 'Body size (bytes)',
  jsonPath: 'JSONPath',
  regex: 'Regex',
  body: 'Body text',
};

export const OPERATOR_LABELS: Record<AssertionOperator, string> = {
  equals: 'equals',
  notEquals: 'does not equal',
  contains: 'contains',
  matches: 'matches regex',
  lessThan: '<',
  lessOrEqual: '≤',
  greaterThan: '>',
  greaterOrEqual: '≥',
  exists: 'exists',
  isEmpty: 'is empty',
  isType: 'is type',
  matchesSchema: 'matches JSON Schema',
};

/** Operators that take no expected value. */
export const UNARY_OPERATORS: ReadonlySet<AssertionOperator> = new Set(['exists', 'isEmpty']);

/** Targets that need a property (header name, expression, pattern). */
export const TARGETS_WITH_PROPERTY: ReadonlySet<AssertionTarget> = new Set(['header', 'jsonPath', 'regex']);

/** The row as a sentence, the name its result carries ("status equals 200", "$.id exists"). */
export function describeAssertion(row: Pick<AssertionRow, 'target' | 'property' | 'operator' | 'expected'>): string {
  const subject =
    row.target === 'header'
      ? `header ${row.property.trim()}`
      : row.target === 'jsonPath' || row.target === 'regex'
        ? row.property.trim()
        : TARGET_LABELS[row.target].toLowerCase().replace(/ \(.*\)$/, '');
  const expected = UNARY_OPERATORS.has(row.operator)
    ? ''
    : row.operator === 'matchesSchema'
      ? ''
      : ` ${row.expected.length > 80 ? `${row.expected.slice(0, 80)}…` : row.expected}`;
  return `${subject} ${OPERATOR_LABELS[row.operator]}${expected}`.slice(0, 1000);
}
