// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { SplitPane } from './split-pane';
import { SidePanel } from './side-panel';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('SplitPane', () => {
  it('is a keyboard separator whose share is remembered under its storage key', () => {
    const pane = () => <SplitPane label="Resize" direction="row" storageKey="test.split" first={<p>a</p>} second={<p>b</p>} />;
    const { unmount } = render(pane());
    const separator = screen.getByRole('separator', { name: 'Resize' });
    expect(separator.getAttribute('aria-valuenow')).toBe('50');
    fireEvent.keyDown(separator, { key: 'ArrowRight' });
    fireEvent.keyDown(separator, { key: 'ArrowRight', shiftKey: true });
    expect(separator.getAttribute('aria-valuenow')).toBe('62');
    unmount();
    render(pane());
    expect(screen.getByRole('separator', { name: 'Resize' }).getAttribute('aria-valuenow')).toBe('62');
  });
});

describe('SidePanel', () => {
  it('resizes in pixels within its bounds and remembers the width', () => {
    const panel = () => (
      <SidePanel resizeLabel="Resize panel" storageKey="test.side" defaultWidth={260} minWidth={200} maxWidth={600}>
        <p>tree</p>
      </SidePanel>
    );
    const { unmount } = render(panel());
    const separator = screen.getByRole('separator', { name: 'Resize panel' });
    expect(separator.getAttribute('aria-orientation')).toBe('vertical');
    fireEvent.keyDown(separator, { key: 'ArrowLeft', shiftKey: true });
    fireEvent.keyDown(separator, { key: 'ArrowLeft', shiftKey: true });
    expect(separator.getAttribute('aria-valuenow')).toBe('200');
    fireEvent.keyDown(separator, { key: 'ArrowRight' });
    unmount();
    render(panel());
    expect(screen.getByRole('separator', { name: 'Resize panel' }).getAttribute('aria-valuenow')).toBe('216');
  });
});
