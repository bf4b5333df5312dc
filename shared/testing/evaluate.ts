import type { AssertionRow, TestResult } from '../contract';
import { actualValue } from './actual-value';
import { show, type Mask } from './compare';
import { describeAssertion } from './describe-row';
import { applyOperator } from './operators';
import type { TestResponse } from './response-view';

const ACTUAL_MAX = 1000;

/**
 * Every assertion row against one response, in row order. `expected` must already be resolved ({{variables}} are
 * the caller's: the main process resolves them with the send's layers). `mask` hides secret values in what is shown,
applied before long values are cut. Never throws: a bad JSONPath, regex or
 * schema is that row's failure with a message, so one broken row cannot hide the others' results.
 */
export function evaluateAssertions(rows: readonly AssertionRow[], response: TestResponse, mask: Mask = (text) => text): TestResult[] {
  return rows.map((row): TestResult => {
    const name = describeAssertion(row);
    if (!row.enabled) return { name, outcome: 'skipped', message: 'This row is turned off.', source: 'assertion' };
    try {
      const actual = actualValue(row, response);
      if (!actual.ok) return { name, outcome: 'failed', message: actual.message.slice(0, 4000), source: 'assertion' };
      const verdict = applyOperator(row.operator, actual.value, actual.found, row.expected, mask);
      const message = [verdict.message, actual.note].filter((part) => part !== undefined).join(' ');
      return {
        name,
        outcome: verdict.passed ? 'passed' : 'failed',
        ...(message === '' ? {} : { message: message.slice(0, 4000) }),
        actual: show(actual.value, ACTUAL_MAX, mask),
        source: 'assertion',
      };
    } catch (error) {
      // a library failing in a way its docs do not promise (ajv on a pathological schema, a regex stack overflow)
      return {
        name,
        outcome: 'failed',
        message: `Could not be checked: ${error instanceof Error ? error.message : String(error)}`.slice(0, 4000),
        source: 'assertion',
      };
    }
  });
}
