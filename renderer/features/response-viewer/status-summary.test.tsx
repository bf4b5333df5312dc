// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HttpExchange } from '../../../shared/contract';
import { StatusSummary } from './status-summary';

afterEach(cleanup);

const exchange = (status: number, headers: [string, string][]): HttpExchange =>
  ({
    response: { status, statusText: '', headers, httpVersion: '1.1' },
    sizes: { responseBodyBytes: 0, responseBodyWireBytes: 0, responseHeaderBytes: 0 },
    timings: { startedAt: Date.UTC(2026, 11, 5, 12), total: 12 },
  }) as unknown as HttpExchange;

describe('status summary', () => {
  it('a 429 says how long Retry-After asks to wait (new-user pass: "see Retry-After" without its value)', () => {
    render(<StatusSummary exchange={exchange(429, [['Retry-After', '30']])} />);
    expect(screen.getByTestId('response-status-explanation').textContent).toContain('The server asks to wait 30 s (Retry-After).');
  });

  it('an HTTP date counts from when the answer came', () => {
    const at = new Date(Date.UTC(2026, 11, 5, 12) + 12 + 90_000).toUTCString();
    render(<StatusSummary exchange={exchange(503, [['Retry-After', at]])} />);
    expect(screen.getByTestId('response-status-explanation').textContent).toMatch(/wait 1 min 30 s \(Retry-After\)|wait 1 min 29 s \(Retry-After\)/);
  });

  it('a 200 says nothing about waiting', () => {
    render(<StatusSummary exchange={exchange(200, [['Retry-After', '30']])} />);
    expect(screen.getByTestId('response-status-explanation').textContent).not.toContain('wait');
  });
});
