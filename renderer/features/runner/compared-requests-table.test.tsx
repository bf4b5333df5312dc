// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { ComparedRequest } from '../../../shared/runner';
import { ComparedRequestsTable } from './compared-requests-table';

afterEach(cleanup);

// happy-dom lays nothing out: the table is given a 400 × 800 box, the size the virtualizer reads
const sizes = ['clientHeight', 'clientWidth'].map((name) => [name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name)] as const);
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 400 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 });
});
afterAll(() => {
  for (const [name, descriptor] of sizes) if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
});

const side = (status: number, failed = false) => ({ status, timeMs: 12, outcome: failed ? ('failed' as const) : ('passed' as const), failed });

/** 1,000 requests × 10 iterations */
const rows: ComparedRequest[] = Array.from({ length: 10_000 }, (_, index) => ({
  path: `api/r${index % 1000}.request.json`,
  name: `Request ${index % 1000}`,
  iteration: Math.floor(index / 1000) + 1,
  before: side(200),
  after: index === 1 ? side(500, true) : side(200),
  change: index === 1 ? 'pass→fail' : 'same',
}));

describe('ComparedRequestsTable', () => {
  it('puts only the rows on screen in the DOM, and says how many there are', () => {
    render(<ComparedRequestsTable rows={rows} />);
    const table = screen.getByRole('table', { name: 'Compared requests' });
    expect(table.getAttribute('aria-rowcount')).toBe('10001');
    const shown = within(table).getAllByRole('row');
    // the header and a screenful plus overscan, not 10,001
    expect(shown.length).toBeGreaterThan(1);
    expect(shown.length).toBeLessThan(100);
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Request', 'Iteration', 'Older run', 'Newer run', 'Change']);
    expect(shown[2]!.textContent).toBe('Request 11200 · 12 ms500 · 12 ms · failedpass → fail');
  });

  it('says a request cancelled in one run was not compared, and shows it cancelled', () => {
    render(
      <ComparedRequestsTable
        rows={[
          {
            path: 'api/a',
            name: 'A',
            iteration: 1,
            before: side(200),
            after: { status: null, timeMs: null, outcome: 'cancelled', failed: false },
            change: 'cancelled',
          },
        ]}
      />,
    );
    const row = within(screen.getByRole('table', { name: 'Compared requests' })).getAllByRole('row')[1]!;
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['A', '1', '200 · 12 ms', 'cancelled', 'cancelled in one run: not compared']);
  });
});
