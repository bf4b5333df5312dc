import { describe, expect, it } from 'vitest';
import { prettyBudgetFor, prettyJson, PrettyTooLargeError, reindentJsonChunks } from './json-format';

describe('prettyJson', () => {
  it('pretty-prints like JSON.stringify(…, 2) for ordinary documents', () => {
    const doc = { a: 1, b: [true, null, 'x', { c: [] }], d: {}, e: 'quote " and \\ and \n' };
    const result = prettyJson(JSON.stringify(doc));
    expect(result).toEqual({ ok: true, text: JSON.stringify(doc, null, 2) });
  });

  it('keeps numbers, duplicate keys and escapes exactly as sent', () => {
    const result = prettyJson('{"id":12345678901234567890,"f":1.0,"e":1E3,"k":1,"k":2,"s":"a\\"b,c:{"}');
    expect(result.ok && result.text).toBe('{\n  "id": 12345678901234567890,\n  "f": 1.0,\n  "e": 1E3,\n  "k": 1,\n  "k": 2,\n  "s": "a\\"b,c:{"\n}');
  });

  it('re-indents already pretty input and drops a BOM', () => {
    const result = prettyJson('\uFEFF[\n    1,\r\n\t2 ,[ ] ]');
    expect(result).toEqual({ ok: true, text: '[\n  1,\n  2,\n  []\n]' });
  });

  it('handles scalars', () => {
    expect(prettyJson(' "x" ')).toEqual({ ok: true, text: '"x"' });
    expect(prettyJson('42')).toEqual({ ok: true, text: '42' });
  });

  it('reports invalid input', () => {
    const result = prettyJson('{"a": 1,}');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toBeTruthy();
    expect(prettyJson('').ok).toBe(false);
  });

  it('splits large output into chunks that join to the whole', () => {
    const big = JSON.stringify(Array.from({ length: 50_000 }, (_, i) => ({ i, name: `item ${i}` })));
    const chunks = reindentJsonChunks(big);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(JSON.stringify(JSON.parse(big), null, 2));
  });
});

describe('a deeply nested document (new-user finding V7: 100,000 nested arrays never finished loading)', () => {
  it('stops indenting past the budget instead of writing gigabytes', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const started = performance.now();
    expect(() => reindentJsonChunks(deep, '  ', prettyBudgetFor(deep))).toThrow(PrettyTooLargeError);
    expect(performance.now() - started).toBeLessThan(5_000);
    // an ordinary document stays well inside its budget
    const plain = JSON.stringify({ a: [1, 2, { b: 'c' }], d: null });
    expect(reindentJsonChunks(plain, '  ', prettyBudgetFor(plain)).join('')).toBe(JSON.stringify(JSON.parse(plain), null, 2));
  });
});
