import { describe, expect, it } from 'vitest';
import { countChanges, diffHeaders } from './header-diff';

describe('header diff', () => {
  it('compares by name case-insensitively and sorts', () => {
    const rows = diffHeaders(
      [
        ['Content-Type', 'application/json'],
        ['X-Old', '1'],
        ['Date', 'Mon'],
      ],
      [
        ['content-type', 'application/json'],
        ['date', 'Tue'],
        ['X-New', '2'],
      ],
    );
    expect(rows).toEqual([
      { name: 'Content-Type', left: 'application/json', right: 'application/json', kind: 'same' },
      { name: 'Date', left: 'Mon', right: 'Tue', kind: 'changed' },
      { name: 'X-New', left: null, right: '2', kind: 'added' },
      { name: 'X-Old', left: '1', right: null, kind: 'removed' },
    ]);
    expect(countChanges(rows)).toBe(3);
  });

  it('takes repeated headers together in wire order', () => {
    const rows = diffHeaders(
      [
        ['Set-Cookie', 'a=1'],
        ['Set-Cookie', 'b=2'],
        ['Vary', 'Accept'],
        ['Vary', 'Origin'],
      ],
      [
        ['Set-Cookie', 'b=2'],
        ['Set-Cookie', 'a=1'],
        ['Vary', 'Accept, Origin'],
      ],
    );
    expect(rows[0]).toMatchObject({ name: 'Set-Cookie', left: 'a=1\nb=2', right: 'b=2\na=1', kind: 'changed' });
    expect(rows[1]).toMatchObject({ name: 'Vary', kind: 'same' });
  });

  it('has nothing to report for identical or empty lists', () => {
    expect(diffHeaders([], [])).toEqual([]);
    expect(countChanges(diffHeaders([['A', '1']], [['a', '1']]))).toBe(0);
  });
});
