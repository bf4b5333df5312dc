import type { AssertionOperator, AssertionRow, CaptureRow, SavedScripts } from '../../contract';
import type { Warnings } from '../common/warnings';
import { pairsOf, textOf, type BruBlock } from './parse-bru';

/**
 * Bruno's tests, carried into Courier's: `assert` pairs become Tests-tab assertion rows, `vars:post-response` pairs
 * captures, and scripts and `tests` blocks scripts that run in the sandbox, where `bru`, `req`, `res`, `test` and
 * `expect` answer as Bruno's do (electron/services/scripts/sandbox/bruno-source.ts). Whatever does not map is named
 * in a warning rather than guessed.
 */

/** `res.body.a[0].b`, `res.headers.x`, `res.status`, `res.responseTime`: what an assertion or capture looks at. */
type Target = { target: 'status' | 'responseTime' | 'body' } | { target: 'header'; name: string } | { target: 'jsonPath'; path: string };

const MEMBER = /^(\.[A-Za-z_$][\w$]*|\[\d+\]|\[(['"])[^'"]*\2\])*$/;

function targetOf(expression: string): Target | null {
  const text = expression.trim();
  if (text === 'res.status' || text === 'res.getStatus()') return { target: 'status' };
  if (text === 'res.responseTime' || text === 'res.getResponseTime()') return { target: 'responseTime' };
  if (text === 'res.body' || text === 'res.getBody()') return { target: 'body' };
  const header = /^res\.(?:headers\.([\w-]+)|headers\[(['"])([^'"]+)\2\]|getHeader\((['"])([^'"]+)\4\))$/.exec(text);
  if (header) return { target: 'header', name: header[1] ?? header[3] ?? header[5] ?? '' };
  const body = /^res\.(?:body|getBody\(\))(.+)$/.exec(text);
  if (body && MEMBER.test(body[1]!)) return { target: 'jsonPath', path: `$${body[1]!.replace(/\["/g, "['").replace(/"\]/g, "']")}` };
  return null;
}

/** A Bruno value: a quoted string loses its quotes; numbers, booleans and {{variables}} stay as written. */
function unquote(value: string): string {
  const text = value.trim();
  const quoted = /^(['"`])([\s\S]*)\1$/.exec(text);
  return quoted ? quoted[2]! : text;
}

const BRUNO_OPERATORS = new Set([
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'notIn',
  'contains',
  'notContains',
  'length',
  'matches',
  'notMatches',
  'startsWith',
  'endsWith',
  'between',
  'isEmpty',
  'isNotEmpty',
  'isNull',
  'isUndefined',
  'isDefined',
  'isTruthy',
  'isFalsy',
  'isJson',
  'isNumber',
  'isString',
  'isBoolean',
  'isArray',
]);

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Bruno's operator and value → Courier's operator and expected value, or null when it has no equivalent. */
function operatorOf(raw: string): { operator: AssertionOperator; expected: string } | null {
  const match = /^\s*(\w+)\s*([\s\S]*)$/.exec(raw);
  // a value with no operator in front ("res.status: 200") is Bruno's eq
  if (!match || !BRUNO_OPERATORS.has(match[1]!)) return { operator: 'equals', expected: unquote(raw) };
  const [, name, rest = ''] = match;
  const value = unquote(rest);
  const simple: Record<string, AssertionOperator> = {
    eq: 'equals',
    neq: 'notEquals',
    gt: 'greaterThan',
    gte: 'greaterOrEqual',
    lt: 'lessThan',
    lte: 'lessOrEqual',
    contains: 'contains',
  };
  if (name! in simple) return { operator: simple[name!]!, expected: value };
  const types: Record<string, string> = { isNumber: 'number', isString: 'string', isBoolean: 'boolean', isArray: 'array', isNull: 'null', isJson: 'object' };
  if (name! in types) return { operator: 'isType', expected: types[name!]! };
  switch (name) {
    case 'matches':
      return { operator: 'matches', expected: value };
    case 'startsWith':
      return { operator: 'matches', expected: `^${escapeRegex(value)}` };
    case 'endsWith':
      return { operator: 'matches', expected: `${escapeRegex(value)}$` };
    case 'isEmpty':
      return { operator: 'isEmpty', expected: '' };
    case 'isDefined':
      return { operator: 'exists', expected: '' };
    default:
      return null;
  }
}

export function brunoAssertions(blocks: readonly BruBlock[], path: string[], warnings: Warnings): AssertionRow[] {
  const rows: AssertionRow[] = [];
  const skipped: string[] = [];
  for (const pair of pairsOf(blocks, 'assert')) {
    const target = targetOf(pair.key);
    const operator = operatorOf(pair.value);
    if (!target || !operator) {
      skipped.push(`${pair.key}: ${pair.value}`);
      continue;
    }
    const property = target.target === 'header' ? target.name : target.target === 'jsonPath' ? target.path : '';
    rows.push({ enabled: pair.enabled, target: target.target, property, ...operator });
  }
  if (skipped.length > 0) warnings.add(path, `${skipped.length} assertion(s) have no Tests-tab equivalent and were not carried over: ${skipped.join('; ')}.`);
  return rows;
}

export function brunoCaptures(blocks: readonly BruBlock[], path: string[], warnings: Warnings): CaptureRow[] {
  const rows: CaptureRow[] = [];
  const skipped: string[] = [];
  for (const pair of pairsOf(blocks, 'vars:post-response')) {
    const target = targetOf(pair.value);
    if (target?.target === 'jsonPath' || target?.target === 'header') {
      // Bruno's runtime variables live for the session and every request sees them: Courier's "request" scope is that
      rows.push({
        enabled: pair.enabled,
        source: target.target,
        expression: target.target === 'header' ? target.name : target.path,
        variable: pair.key,
        scope: 'request',
        secret: false,
      });
    } else if (target?.target === 'body') {
      rows.push({ enabled: pair.enabled, source: 'jsonPath', expression: '$', variable: pair.key, scope: 'request', secret: false });
    } else skipped.push(pair.key);
  }
  if (skipped.length > 0)
    warnings.add(path, `Post-response variables (${skipped.join(', ')}) read something other than the body or a header and were not carried over.`);
  return rows;
}

/** Bruno's pre-request script; its post-response script followed by its `tests` block (both run after the response). */
export function brunoScripts(blocks: readonly BruBlock[]): SavedScripts | undefined {
  const text = (name: string) => (textOf(blocks, name) ?? '').trim();
  const pre = text('script:pre-request');
  const post = [text('script:post-response'), text('tests')].filter((part) => part !== '').join('\n\n');
  if (pre === '' && post === '') return undefined;
  return { ...(pre ? { preRequest: pre } : {}), ...(post ? { postResponse: post } : {}) };
}
