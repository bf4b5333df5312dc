import { describe, expect, it } from 'vitest';
import { checkJson } from './json-check';
import { jsonErrorOffset } from './json-error-offset';

describe('checkJson', () => {
  it('accepts valid JSON and empty text', () => {
    expect(checkJson('{"a": [1, 2, {"b": null}]}')).toBeNull();
    expect(checkJson('')).toBeNull();
    expect(checkJson('  \n ')).toBeNull();
  });
  it('reports the line and column of the problem', () => {
    const problem = checkJson('{\n  "a": 1,\n}');
    expect(problem).not.toBeNull();
    expect(problem!.line).toBe(3);
    expect(problem!.column).toBe(1);
    expect(problem!.message).toMatch(/^Invalid JSON: .+ \(line 3, column 1\)$/);
    expect(problem!.message).not.toMatch(/position/);
  });
  it('points at the end for unterminated input', () => {
    const problem = checkJson('{"a": [1, 2');
    expect(problem!.message.startsWith('Invalid JSON: ')).toBe(true);
    expect(problem!.line).toBe(1);
  });
  it('still gives a message when the parser gives no position', () => {
    const problem = checkJson('{"a":\n  tru}');
    expect(problem!.message.startsWith('Invalid JSON: ')).toBe(true);
    expect(problem!.message).not.toContain('is not valid JSON');
  });
});

const body = { references: true };

describe('checkJson with {{references}}', () => {
  it('counts them as invalid where they are sent as written (a WebSocket message)', () => {
    expect(checkJson('{"n": {{count}}}')).not.toBeNull();
  });
  it('accepts references as bare values, inside strings and next to other text', () => {
    expect(checkJson('{"n": {{count}}}', body)).toBeNull();
    expect(checkJson('{"n": {{$randomInt}}, "id": "{{$uuid}}", "list": [{{a}}, {{ b }}]}', body)).toBeNull();
    expect(checkJson('{{body}}', body)).toBeNull();
    expect(checkJson('{"auth": "Bearer {{$credential.api-key}}"}', body)).toBeNull();
  });
  it('still reports a real problem, at its place in the original text', () => {
    const problem = checkJson('{"n": {{count}},\n "m": }', body);
    expect(problem).not.toBeNull();
    expect(problem!.line).toBe(2);
    expect(problem!.column).toBe(7);
    expect(problem!.message).toBe("Invalid JSON: Unexpected token '}' (line 2, column 7)");
  });
});

describe('jsonErrorOffset', () => {
  it('finds nothing wrong in valid JSON, deep nesting included', () => {
    for (const text of ['{}', ' [1, -2.5e+3, "a\\"b\\u00e9", true, false, null, {"k": []}] ', '"x"', '0']) expect(jsonErrorOffset(text)).toBeNull();
    expect(jsonErrorOffset('['.repeat(100_000) + ']'.repeat(100_000))).toBeNull();
  });
  it.each([
    ['{"a": 1,}', 8],
    ['{"a": }', 6],
    ['[1 2]', 3],
    ['{"a" 1}', 5],
    ['{"a": tru}', 9],
    ['[01]', 2],
    ['{"a": "x\\q"}', 9],
    ['[1, 2', 5],
    ['{} x', 3],
    ['', 0],
  ])('%j goes wrong at %i', (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
  });
});
