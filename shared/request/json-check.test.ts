import { describe, expect, it } from 'vitest';
import { checkJson } from './json-check';

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
