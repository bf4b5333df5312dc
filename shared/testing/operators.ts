import type { AssertionOperator } from '../contract';
import { asNumber, deepEqual, looselyEqual, readExpected, show as plainShow, TYPE_NAMES, typeOf, type Mask } from './compare';
import { compileUserRegex } from './regex';
import { checkSchema } from './schema-check';

type Verdict = { passed: boolean; message?: string };

const NUMERIC: Partial<Record<AssertionOperator, [string, (a: number, b: number) => boolean]>> = {
  lessThan: ['less than', (a, b) => a < b],
  lessOrEqual: ['at most', (a, b) => a <= b],
  greaterThan: ['greater than', (a, b) => a > b],
  greaterOrEqual: ['at least', (a, b) => a >= b],
};

function contains(actual: unknown, expected: string): boolean {
  if (typeof actual === 'string') return actual.includes(expected);
  if (Array.isArray(actual)) {
    const wanted = readExpected(expected);
    return actual.some((item) => deepEqual(item, wanted) || (typeof item !== 'object' && String(item) === expected));
  }
  if (typeof actual === 'object' && actual !== null) return Object.hasOwn(actual, expected);
  return actual !== undefined && String(actual).includes(expected);
}

function isEmpty(actual: unknown): boolean {
  if (actual === null || actual === '') return true;
  if (Array.isArray(actual)) return actual.length === 0;
  if (typeof actual === 'object') return Object.keys(actual as object).length === 0;
  return false;
}

function isType(actual: unknown, expected: string): Verdict {
  const wanted = expected.trim().toLowerCase();
  if (!(TYPE_NAMES as readonly string[]).includes(wanted)) {
    return { passed: false, message: `Unknown type “${expected}”: use one of ${TYPE_NAMES.join(', ')}.` };
  }
  const passed = wanted === 'integer' ? Number.isInteger(actual) : typeOf(actual) === wanted;
  return passed ? { passed } : { passed, message: `expected type ${wanted}, got ${typeOf(actual)}` };
}

/**
 * Applies one operator. `found` false means the target is absent: only `exists` (and notEquals) can pass on that, and
 * the message says it was missing rather than comparing with "undefined".
 */
export function applyOperator(operator: AssertionOperator, actual: unknown, found: boolean, expected: string, mask?: Mask): Verdict {
  const show = (value: unknown, max: number): string => plainShow(value, max, mask);
  if (operator === 'exists') return found ? { passed: true } : { passed: false, message: 'expected it to exist, but it is missing' };
  if (!found) {
    if (operator === 'notEquals') return { passed: true };
    return { passed: false, message: 'it is missing from the response' };
  }
  switch (operator) {
    case 'equals':
      return looselyEqual(actual, expected) ? { passed: true } : { passed: false, message: `expected ${show(expected, 200)}, got ${show(actual, 200)}` };
    case 'notEquals':
      return looselyEqual(actual, expected) ? { passed: false, message: `expected anything but ${show(expected, 200)}` } : { passed: true };
    case 'contains':
      return contains(actual, expected) ? { passed: true } : { passed: false, message: `expected it to contain ${show(expected, 200)}` };
    case 'matches': {
      const compiled = compileUserRegex(expected);
      if (!compiled.ok) return { passed: false, message: compiled.message };
      return compiled.regex.test(plainShow(actual, Number.MAX_SAFE_INTEGER))
        ? { passed: true }
        : { passed: false, message: `expected it to match ${expected}` };
    }
    case 'isEmpty':
      return isEmpty(actual) ? { passed: true } : { passed: false, message: `expected it to be empty, got ${show(actual, 200)}` };
    case 'isType':
      return isType(actual, expected);
    case 'matchesSchema': {
      const check = checkSchema(actual, expected);
      if (!check.ok) return { passed: false, message: check.message };
      return check.valid ? { passed: true } : { passed: false, message: `does not match the schema: ${check.errors}` };
    }
    default: {
      const [words, compare] = NUMERIC[operator] ?? ['', () => false];
      const left = asNumber(actual);
      const right = asNumber(expected);
      if (right === null) return { passed: false, message: `“${show(expected, 200)}” is not a number` };
      if (left === null) return { passed: false, message: `expected a number ${words} ${right}, got ${show(actual, 200)}` };
      return compare(left, right) ? { passed: true } : { passed: false, message: `expected ${words} ${right}, got ${left}` };
    }
  }
}
