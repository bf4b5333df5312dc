// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createDraft } from '../../../shared/request';
import type { RequestTab } from '../../../shared/workspace';
import { RequestTabStrip } from './request-tab-strip';

afterEach(cleanup);

const tabs: RequestTab[] = [
  { id: 'a', path: 'api/list.request.json', name: 'List users', draft: createDraft(), dirty: false },
  { id: 'b', path: null, name: 'Untitled request', draft: createDraft({ method: 'POST' }), dirty: true },
];

describe('RequestTabStrip', () => {
  it('names tabs for screen readers, marks the unsaved one, and closes by Delete or middle click', () => {
    const onClose = vi.fn();
    const onSelect = vi.fn();
    render(<RequestTabStrip tabs={tabs} activeId="a" onSelect={onSelect} onClose={onClose} onNew={() => undefined} />);
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
    expect(onClose).toHaveBeenCalledWith('b');
  });
});
