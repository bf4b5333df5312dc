// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { NOTICE_TIMEOUT_MS } from '../../ui';
import { ImportNotice, type ImportOutcome } from './import-notice';

const withWarning: ImportOutcome = {
  collections: [],
  environments: ['Prod'],
  summary: { requests: 0, environments: 1, itemsWithWarnings: 1, warnings: 1 },
  warnings: ['Prod: 1 secret variable (apiKey) imported as a Courier secret: its value goes into the vault, never into the environment file.'],
};

function Shown() {
  const [outcome, setOutcome] = useState<ImportOutcome | null>(withWarning);
  return <ImportNotice outcome={outcome} onDismiss={() => setOutcome(null)} />;
}

const wait = (ms: number) =>
  act(() => {
    vi.advanceTimersByTime(ms);
  });
const notice = () => screen.queryByRole('status', { name: 'Import result' });

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('ImportNotice', () => {
  it('goes by itself like the other notices, also when it has changes or omissions to read', () => {
    render(<Shown />);
    wait(NOTICE_TIMEOUT_MS.details - 100);
    expect(notice()).not.toBeNull();
    wait(200);
    expect(notice()).toBeNull();
  });

  it('stays while its details are open, and while hovered or focused; then gives the full time again', () => {
    render(<Shown />);
    const summary = screen.getByText('1 change or omission');
    fireEvent.click(summary);
    const details = summary.closest('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    wait(NOTICE_TIMEOUT_MS.details * 3);
    expect(notice()).not.toBeNull();
    expect(screen.getByRole('list', { name: 'Not carried over' }).textContent).toContain('apiKey');

    details.open = false;
    fireEvent(details, new Event('toggle'));
    fireEvent.mouseEnter(notice()!);
    wait(NOTICE_TIMEOUT_MS.details * 3);
    expect(notice()).not.toBeNull();
    fireEvent.mouseLeave(notice()!);
    fireEvent.focus(screen.getByRole('button', { name: 'Dismiss import result' }));
    wait(NOTICE_TIMEOUT_MS.details * 3);
    expect(notice()).not.toBeNull();
    fireEvent.blur(screen.getByRole('button', { name: 'Dismiss import result' }), { relatedTarget: document.body });
    wait(NOTICE_TIMEOUT_MS.details - 100);
    expect(notice()).not.toBeNull();
    wait(200);
    expect(notice()).toBeNull();
  });
});
