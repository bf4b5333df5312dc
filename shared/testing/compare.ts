/** Values as JSON understands them: expected text is read as JSON when it parses, else taken as a string. */
export function readExpected(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return text;
  }
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => Object.hasOwn(right, key) && deepEqual(left[key], right[key]));
}

/**
 * "equals" as a tester means it: 200 equals "200" typed in the field, "abc" equals abc, {"a":1} equals the object
 * whatever its key order. A string actual is compared as text, so "007" does not equal 7.
 */
export function looselyEqual(actual: unknown, expectedText: string): boolean {
  if (typeof actual === 'string') return actual === expectedText;
  return deepEqual(actual, readExpected(expectedText)) || (actual !== undefined && typeof actual !== 'object' && String(actual) === expectedText.trim());
}

/** A number from the actual value or the expected text; null when it is not one. */
export function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const number = Number(value.trim());
    return Number.isFinite(number) ? number : null;
  }
  return null;
}

export { TYPE_NAMES } from './type-names';

export function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Short text of a value for messages and the Actual column; strings are shown quoted only inside messages. */
export function show(value: unknown, max = 1000, mask: Mask = (text) => text): string {
  let text: string;
  if (value === undefined) text = '(nothing)';
  else if (typeof value === 'string') text = value;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  // Masked before it is cut: a secret straddling the cut would otherwise leave its first characters in plain text.
  const masked = mask(text.length > max + MASK_LOOKAHEAD ? text.slice(0, max + MASK_LOOKAHEAD) : text);
  return masked.length > max ? `${masked.slice(0, max)}…` : masked;
}

/** Replaces secret values in text shown to the user (the main process passes the send's secrets). */
export type Mask = (text: string) => string;
/** Enough past the cut for any secret that starts before it to be seen whole by the mask. */
const MASK_LOOKAHEAD = 64 * 1024;
