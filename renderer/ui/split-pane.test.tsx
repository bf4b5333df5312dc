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
  it('is shown at the width it is given, and its handle reports that width and asks for steps from it', () => {
    const asked: number[] = [];
    render(
      <SidePanel resizeLabel="Resize panel" width={230} min={200} max={300} onResize={(width) => asked.push(width)}>
        <p>tree</p>
      </SidePanel>,
    );
    const separator = screen.getByRole('separator', { name: 'Resize panel' });
    expect(separator.getAttribute('aria-orientation')).toBe('vertical');
    expect(separator.getAttribute('aria-valuenow')).toBe('230');
    expect(separator.getAttribute('aria-valuemax')).toBe('300');
    expect((screen.getByText('tree').parentElement as HTMLElement).style.width).toBe('230px');
    fireEvent.keyDown(separator, { key: 'ArrowRight' });
    fireEvent.keyDown(separator, { key: 'ArrowLeft', shiftKey: true });
    fireEvent.keyDown(separator, { key: 'End' });
    expect(asked).toEqual([246, 200, 300]);
  });
});
