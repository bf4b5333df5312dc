// @vitest-environment happy-dom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { createRef } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { VirtualList, type VirtualListHandle } from './virtual-list';

afterEach(cleanup);

// happy-dom lays nothing out: every element is given a 200 × 400 box, the size the virtualizer reads
const sizes = ['clientHeight', 'clientWidth'].map((name) => [name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name)] as const);
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 200 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 400 });
});
afterAll(() => {
  for (const [name, descriptor] of sizes) if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
});

function Messages({ count, handleRef }: { count: number; handleRef?: React.Ref<VirtualListHandle> }) {
  return (
    <VirtualList count={count} estimateSize={20} overscan={5} handleRef={handleRef} role="listbox" aria-label="Messages" tabIndex={0}>
      {(row) => (
        <div key={row.key} role="option" aria-selected={false} style={{ position: 'absolute', top: row.start, height: row.size }}>
          Message {row.index}
        </div>
      )}
    </VirtualList>
  );
}

describe('VirtualList', () => {
  it('puts only a screenful of rows (and the overscan) in the DOM, in a box as tall as the whole list', () => {
    render(<Messages count={100_000} />);
    const list = screen.getByRole('listbox', { name: 'Messages' });
    const options = within(list).getAllByRole('option');
    // 200 px of 20 px rows is 10, plus 5 overscan below
    expect(options.length).toBe(15);
    expect(options[0]!.textContent).toBe('Message 0');
    expect((list.firstElementChild as HTMLElement).style.height).toBe(`${100_000 * 20}px`);
    expect((list.firstElementChild as HTMLElement).style.position).toBe('relative');
  });

  it('gives the scroller its props (role, label, tab stop) and each row its offset', () => {
    render(<Messages count={3} />);
    const list = screen.getByRole('listbox', { name: 'Messages' });
    expect(list.tabIndex).toBe(0);
    expect(
      within(list)
        .getAllByRole('option')
        .map((option) => option.style.top),
    ).toEqual(['0px', '20px', '40px']);
  });

  it('renders its rows in a list element when asked, with the rows box props', () => {
    render(
      <VirtualList count={2} estimateSize={28} rowsAs="ul" rowsProps={{ 'aria-label': 'Run results', className: 'rows' }}>
        {(row) => (
          <li key={row.key} style={{ transform: `translateY(${row.start}px)` }}>
            Result {row.index}
          </li>
        )}
      </VirtualList>,
    );
    const list = screen.getByRole('list', { name: 'Run results' });
    expect(list.tagName).toBe('UL');
    // a class positions the box, so no inline position
    expect(list.style.position).toBe('');
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
  });

  it('gives each row in view a distinct slot, so rows keyed by it are the same elements after a scroll', () => {
    render(
      <VirtualList count={1000} estimateSize={20} overscan={0} role="listbox" aria-label="Log">
        {(row) => (
          <div key={row.slot} role="option" aria-selected={false} data-slot={row.slot} style={{ position: 'absolute', top: row.start, height: row.size }}>
            Message {row.index}
          </div>
        )}
      </VirtualList>,
    );
    const list = screen.getByRole('listbox', { name: 'Log' });
    const before = within(list).getAllByRole('option');
    expect(new Set(before.map((option) => option.dataset.slot)).size).toBe(before.length);
    act(() => {
      list.scrollTop = 35 * 20;
      list.dispatchEvent(new Event('scroll'));
    });
    const after = within(list).getAllByRole('option');
    // the same ten elements, now showing rows 35–44 in order of their slots, none dropped or repeated
    expect(new Set([...before, ...after]).size).toBe(before.length);
    const shown = after.map((option) => option.textContent).sort((a, b) => Number(a!.split(' ')[1]) - Number(b!.split(' ')[1]));
    expect(shown).toEqual(Array.from({ length: 10 }, (_, i) => `Message ${35 + i}`));
    expect(new Set(after.map((option) => option.dataset.slot)).size).toBe(after.length);
  });

  it('scrolls a row into view through its handle', () => {
    const handle = createRef<VirtualListHandle>();
    render(<Messages count={1000} handleRef={handle} />);
    const list = screen.getByRole('listbox', { name: 'Messages' });
    // happy-dom's scroller has no scroll height to move in (the virtualizer would ask for 0): it is given one
    Object.defineProperty(list, 'scrollHeight', { configurable: true, get: () => 1000 * 20 });
    const scrollTo = vi.spyOn(list, 'scrollTo');
    act(() => handle.current!.scrollToIndex(500, { align: 'start' }));
    expect(scrollTo).toHaveBeenCalledWith(expect.objectContaining({ top: 500 * 20 }));
  });
});
