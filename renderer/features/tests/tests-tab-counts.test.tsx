// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExchangeTests } from '../../../shared/contract';
import { TestsTabCounts } from './test-results-panel';

afterEach(cleanup);

const tests = (...outcomes: ('passed' | 'failed' | 'skipped')[]): ExchangeTests => ({
  results: outcomes.map((outcome, index) => ({ name: `check ${index + 1}`, outcome, source: 'assertion' as const })),
  captures: [],
});

// New-user pass: "Tests 2/3" was as grey as every other tab, beside "200 OK — The request succeeded"
describe('the response Tests tab label', () => {
  it('shows the counts in a red badge when a check failed', () => {
    const { container } = render(<TestsTabCounts tests={tests('passed', 'failed', 'passed')} />);
    expect(container.textContent).toBe('Tests 2/3');
    expect(container.querySelector('.ui-tabs__badge')?.classList.contains('ui-tabs__badge--error')).toBe(true);
  });

  it('in the plain badge when every check passed', () => {
    const { container } = render(<TestsTabCounts tests={tests('passed', 'skipped', 'passed')} />);
    expect(container.textContent).toBe('Tests 2/2');
    expect(container.querySelector('.ui-tabs__badge')?.classList.contains('ui-tabs__badge--error')).toBe(false);
  });
});
