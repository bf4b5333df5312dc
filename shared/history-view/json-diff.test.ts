import { describe, expect, it } from 'vitest';
import { childPath, diffJson, previewJson, tryParseJson } from './json-diff';

describe('JSON structural diff', () => {
  it('reports nothing for equal documents, whatever the key order', () => {
    expect(diffJson({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 })).toEqual({ changes: [], truncated: false });
  });

  it('compares objects by key: added, removed and changed paths', () => {
    const { changes } = diffJson({ id: 1, name: 'Ada', old: true, nested: { x: 1 } }, { id: 2, name: 'Ada', nested: { x: 1, y: 'new' }, extra: [1] });
    expect(changes).toEqual([
      { path: '$.id', kind: 'changed', before: '1', after: '2' },
      { path: '$.old', kind: 'removed', before: 'true' },
      { path: '$.nested.y', kind: 'added', after: '"new"' },
      { path: '$.extra', kind: 'added', after: '[1]' },
    ]);
  });

  it('compares arrays by index', () => {
    const { changes } = diffJson([1, 2, 3], [1, 5]);
    expect(changes).toEqual([
      { path: '$[1]', kind: 'changed', before: '2', after: '5' },
      { path: '$[2]', kind: 'removed', before: '3' },
    ]);
    expect(diffJson([{ a: 1 }], [{ a: 1 }, { b: 2 }]).changes).toEqual([{ path: '$[1]', kind: 'added', after: '{"b":2}' }]);
  });

  it('treats a type change as one change, not a cascade', () => {
    expect(diffJson({ a: { deep: [1, 2] } }, { a: 'flat' }).changes).toEqual([{ path: '$.a', kind: 'changed', before: '{"deep":[1,2]}', after: '"flat"' }]);
    expect(diffJson({ a: [] }, { a: {} }).changes).toHaveLength(1);
    expect(diffJson({ a: null }, { a: 0 }).changes).toHaveLength(1);
    expect(diffJson(1, 1).changes).toEqual([]);
  });

  it('quotes keys that are not identifiers', () => {
    expect(childPath('$', 'odd key')).toBe('$["odd key"]');
    expect(childPath('$', 'ok_1')).toBe('$.ok_1');
    expect(childPath('$.a', 0)).toBe('$.a[0]');
    expect(diffJson({ 'a-b': 1 }, { 'a-b': 2 }).changes[0]?.path).toBe('$["a-b"]');
  });

  it('stops at maxChanges and says it did', () => {
    const a = Array.from({ length: 100 }, (_, i) => i);
    const b = a.map((n) => n + 1);
    const diff = diffJson(a, b, { maxChanges: 10 });
    expect(diff.changes).toHaveLength(10);
    expect(diff.truncated).toBe(true);
  });

  it('survives very deep nesting without recursion', () => {
    let a: unknown = 1;
    let b: unknown = 2;
    for (let i = 0; i < 20_000; i++) {
      a = { k: a };
      b = { k: b };
    }
    const diff = diffJson(a, b);
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]!.path.startsWith('$.k.k')).toBe(true);
  });

  it('shortens previews and parses only JSON', () => {
    expect(previewJson('x'.repeat(500), 20)).toHaveLength(20);
    expect(tryParseJson(' {"a":1} ')).toEqual({ value: { a: 1 } });
    expect(tryParseJson('<html>')).toBeUndefined();
    expect(tryParseJson('{broken')).toBeUndefined();
    expect(tryParseJson('')).toBeUndefined();
  });
});
