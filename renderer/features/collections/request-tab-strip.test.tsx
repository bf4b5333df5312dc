// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createDraft } from '../../../shared/request';
import type { RequestTab } from '../../../shared/workspace';
import { RequestTabStrip } from './request-tab-strip';

afterEach(cleanup);

const tabs: RequestTab[] = [
  { id: 'a', path: 'api/list.request.json', name: 'List users', draft: createDraft(), dirty: false },
  { id: 'b', path: null, name: 'Untitled request', draft: createDraft({ method: 'POST' }), dirty: true },
];

describe('RequestTabStrip', () => {
  it('names tabs for screen readers, marks the unsaved one, and closes by Delete or middle click', async () => {
    const onClose = vi.fn();
    const onSelect = vi.fn();
    render(
      <RequestTabStrip
        tabs={tabs}
        activeId="a"
        onSelect={onSelect}
        onClose={onClose}
        onCloseOthers={() => undefined}
        onCloseAll={() => undefined}
        onNew={() => undefined}
      />,
    );
    const list = screen.getByRole('tablist', { name: 'Open requests' });
    expect(screen.getAllByRole('tab').map((tab) => tab.getAttribute('aria-label'))).toEqual(['List users', 'Untitled request (unsaved)']);
    expect(screen.getByRole('tab', { name: 'List users' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tab', { name: 'List users' }).tabIndex).toBe(0);
    expect(screen.getByRole('tab', { name: 'Untitled request (unsaved)' }).tabIndex).toBe(-1);

    fireEvent.keyDown(list, { key: 'ArrowRight' });
    expect(onSelect).toHaveBeenCalledWith('b');
    fireEvent.keyDown(list, { key: 'Delete' });
    expect(onClose).toHaveBeenCalledWith('a');
    fireEvent(screen.getByRole('tab', { name: 'Untitled request (unsaved)' }).parentElement!, new MouseEvent('auxclick', { bubbles: true, button: 1 }));
    // after the click is handled (see the strip: the middle button's paste must not follow the focus)
    expect(onClose).not.toHaveBeenCalledWith('b');
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledWith('b'));
  });

  it("offers Close, Close others and Close all from a tab's menu (right click or Shift+F10)", () => {
    const onClose = vi.fn();
    const onCloseOthers = vi.fn();
    const onCloseAll = vi.fn();
    render(
      <RequestTabStrip
        tabs={tabs}
        activeId="a"
        onSelect={() => undefined}
        onClose={onClose}
        onCloseOthers={onCloseOthers}
        onCloseAll={onCloseAll}
        onNew={() => undefined}
      />,
    );
    fireEvent.contextMenu(screen.getByRole('tab', { name: 'Untitled request (unsaved)' }));
    const menu = screen.getByRole('menu', { name: 'Actions for tab Untitled request' });
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(['Close', 'Close others', 'Close all']);
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Close others' }));
    expect(onCloseOthers).toHaveBeenCalledWith('b');
    expect(screen.queryByRole('menu')).toBeNull();

    fireEvent.keyDown(screen.getByRole('tablist', { name: 'Open requests' }), { key: 'F10', shiftKey: true });
    fireEvent.click(screen.getByRole('menuitem', { name: 'Close all' }));
    expect(onCloseAll).toHaveBeenCalledTimes(1);
  });

  it('names a tab never saved by its method and URL as typed, its full URL in the tooltip', () => {
    const unsaved = (id: string, url: string): RequestTab => ({ id, path: null, name: 'Untitled request', draft: createDraft({ url }), dirty: false });
    const many = [tabs[0]!, unsaved('c', 'http://127.0.0.1:54321/anything/tab3'), unsaved('d', 'httpbin.org/get'), unsaved('e', '')];
    render(
      <RequestTabStrip
        tabs={many}
        activeId="a"
        onSelect={() => undefined}
        onClose={() => undefined}
        onCloseOthers={() => undefined}
        onCloseAll={() => undefined}
        onNew={() => undefined}
      />,
    );
    expect(screen.getAllByRole('tab').map((tab) => tab.getAttribute('aria-label'))).toEqual([
      'List users',
      'GET /anything/tab3',
      'GET httpbin.org/get',
      'Untitled request',
    ]);
    expect(screen.getByRole('tab', { name: 'GET /anything/tab3' }).title).toContain('http://127.0.0.1:54321/anything/tab3');
    expect(screen.getByRole('tab', { name: 'List users' }).title.split('\n')[0]).toBe('api/list.request.json');
    expect(screen.getByRole('button', { name: 'Close GET httpbin.org/get' })).toBeTruthy();
  });

  it('scrolls the active tab wholly into view, its close button included', () => {
    // A 300px wide list scrolled to 0, tabs 100px wide side by side: the list's box is [0, 300].
    const rect = (left: number, width: number) =>
      ({ left, right: left + width, top: 0, bottom: 30, width, height: 30, x: left, y: 0, toJSON: () => ({}) }) as DOMRect;
    const original = HTMLElement.prototype.getBoundingClientRect;
    const clientWidth = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth');
    const eight = Array.from({ length: 8 }, (_, i): RequestTab => ({
      id: `t${i}`,
      path: `r${i}.request.json`,
      name: `Request ${i}`,
      draft: createDraft(),
      dirty: false,
    }));
    let list: HTMLElement | null = null;
    HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
      if (this.getAttribute('role') === 'tablist') return rect(0, 300);
      const index = Array.from(this.parentElement?.children ?? []).indexOf(this);
      // a tab is a presentation wrapper in the tab list
      return this.getAttribute('role') === 'presentation' && this.parentElement?.getAttribute('role') === 'tablist'
        ? rect(index * 100 - (list?.scrollLeft ?? 0), 100)
        : rect(0, 0);
    };
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 300 });
    try {
      const props = {
        tabs: eight,
        onSelect: () => undefined,
        onClose: () => undefined,
        onCloseOthers: () => undefined,
        onCloseAll: () => undefined,
        onNew: () => undefined,
      };
      const { rerender } = render(<RequestTabStrip {...props} activeId="t0" />);
      list = screen.getByRole('tablist');
      rerender(<RequestTabStrip {...props} activeId="t6" />);
      // tab 6 spans [600, 700]: its right edge meets the list's right edge
      expect(list.scrollLeft).toBe(400);
      rerender(<RequestTabStrip {...props} activeId="t1" />);
      // tab 1 spans [100, 200]: its left edge meets the list's left edge
      expect(list.scrollLeft).toBe(100);
    } finally {
      HTMLElement.prototype.getBoundingClientRect = original;
      if (clientWidth) Object.defineProperty(HTMLElement.prototype, 'clientWidth', clientWidth);
      else delete (HTMLElement.prototype as unknown as Record<string, unknown>)['clientWidth'];
    }
  });

  it('lists every open tab behind a button when they do not fit, and picks one from it', () => {
    const widths = [
      Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'scrollWidth'),
      Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth'),
    ];
    const props = { tabs, activeId: 'a', onClose: () => undefined, onCloseOthers: () => undefined, onCloseAll: () => undefined, onNew: () => undefined };
    try {
      const first = render(<RequestTabStrip {...props} onSelect={() => undefined} />);
      // everything fits (no layout here: both widths are 0)
      expect(screen.queryByRole('button', { name: /All open tabs/ })).toBeNull();
      first.unmount();

      Object.defineProperty(HTMLElement.prototype, 'scrollWidth', { configurable: true, get: () => 900 });
      Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 300 });
      const onSelect = vi.fn();
      render(<RequestTabStrip {...props} onSelect={onSelect} />);
      fireEvent.click(screen.getByRole('button', { name: 'All open tabs (2)' }));
      const list = screen.getByRole('menu', { name: 'Open tabs' });
      expect(
        within(list)
          .getAllByRole('menuitem')
          .map((item) => item.textContent),
      ).toEqual(['GET List users', 'POST Untitled request •']);
      expect(within(list).getByRole('menuitem', { name: 'GET List users' }).getAttribute('aria-current')).toBe('true');
      fireEvent.click(within(list).getByRole('menuitem', { name: 'POST Untitled request •' }));
      expect(onSelect).toHaveBeenCalledWith('b');
    } finally {
      for (const [name, descriptor] of [
        ['scrollWidth', widths[0]],
        ['clientWidth', widths[1]],
      ] as const) {
        if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
        else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[name];
      }
    }
  });
});
