import { describe, expect, it } from 'vitest';
import { totalsOf, type RequestRun, type RunResult } from '../../../shared/runner';
import { createTerminalReporter } from './terminal';

const run: RequestRun = {
  iteration: 1,
  path: 'api/a',
  name: 'Login',
  folder: 'API',
  method: 'POST',
  url: 'http://x/login',
  status: 401,
  statusText: 'Unauthorized',
  timeMs: 42,
  tests: [
    { name: 'status is 200', outcome: 'failed', source: 'assertion', message: 'expected 200, got 401' },
    { name: 'has body', outcome: 'passed', source: 'script' },
  ],
  error: null,
  retried: false,
  skipped: null,
};
const result: RunResult = {
  name: 'API',
  environment: null,
  iterations: 1,
  startedAt: 0,
  finishedAt: 1500,
  requests: [run],
  totals: totalsOf([run]),
  cancelled: false,
  bailed: false,
};

function drive(tty: boolean): string {
  let text = '';
  const terminal = createTerminalReporter({ write: (chunk) => (text += chunk), tty, color: tty });
  terminal.onEvent({ type: 'run-started', name: 'API', iterations: 1, requests: 1 });
  terminal.onEvent({ type: 'request-started', iteration: 1, path: 'api/a', name: 'Login', method: 'POST' });
  terminal.onEvent({ type: 'rate-limit-wait', path: 'api/a', name: 'Login', source: 'Retry-After', waitMs: 3000, remainingMs: 3000 });
  terminal.onEvent({ type: 'request-finished', result: run });
  terminal.onEvent({ type: 'run-finished', result });
  return text + terminal.summary(result);
}

describe('terminal output', () => {
  it('is plain lines off a terminal: no escape codes, no spinner, the wait said once', () => {
    const text = drive(false);
    expect(text).not.toContain('\u001b');
    expect(text).not.toMatch(/[⠋⠙⠹]/);
    expect(text).toContain('Login: rate limited (Retry-After), waiting 3 s before retrying once');
    expect(text).toContain('✗ POST   Login  401 Unauthorized  42 ms  1 ✓ 1 ✗');
    expect(text).toContain('    ✗ status is 200 — expected 200, got 401');
    expect(text).toMatch(/│ tests +│ +2 │ +1 │ +0 │/);
    expect(text).toContain('1 failed.');
  });

  it('has colours, a spinner and a live countdown on a terminal', () => {
    const text = drive(true);
    expect(text).toContain('\u001b[31m✗\u001b[39m');
    expect(text).toContain('\u001b[33m⠋\u001b[39m POST Login');
    expect(text).toContain('Login: rate limited (Retry-After), retrying in 3 s');
    // the spinner line is cleared before the result line is written
    expect(text).toContain('\r\u001b[2K\u001b[31m✗');
  });

  it('shows a request cancelled in flight as cancelled, not failed, line and summary', () => {
    const stopped: RequestRun = {
      ...run,
      name: 'Slow',
      status: null,
      statusText: '',
      timeMs: null,
      tests: [],
      error: { code: 'CANCELLED', message: 'The request was cancelled.' },
    };
    const cancelledRun: RunResult = { ...result, requests: [stopped], totals: totalsOf([stopped]), cancelled: true };
    let text = '';
    const terminal = createTerminalReporter({ write: (chunk) => (text += chunk), tty: false, color: false });
    terminal.onEvent({ type: 'request-finished', result: stopped });
    text += terminal.summary(cancelledRun);
    expect(text).toContain('– POST   Slow  cancelled');
    expect(text).not.toContain('✗');
    expect(text).toMatch(/│ requests +│ +1 │ +0 │ +0 │ +1 │/);
    expect(text).toContain('Cancelled.');
  });
});
