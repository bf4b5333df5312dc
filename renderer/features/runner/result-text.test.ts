import { describe, expect, it } from 'vitest';
import { totalsOf, type RequestRun } from '../../../shared/runner';
import { currentLine, outcomeLabel, resultLine, totalsLine } from './result-text';

const answered: RequestRun = {
  iteration: 1,
  path: 'api/a',
  name: 'A',
  folder: 'API',
  method: 'GET',
  url: 'http://x/a',
  status: 200,
  statusText: 'OK',
  timeMs: 5,
  tests: [],
  error: null,
  retried: false,
  skipped: null,
};
const cancelled: RequestRun = {
  ...answered,
  name: 'Slow',
  status: null,
  statusText: '',
  timeMs: null,
  error: { code: 'CANCELLED', message: 'The request was cancelled.' },
};
const failed: RequestRun = {
  ...answered,
  name: 'Down',
  status: null,
  statusText: '',
  timeMs: null,
  error: { code: 'NETWORK', message: 'connect ECONNREFUSED' },
};

describe('runner totals and result lines', () => {
  it('counts a request cancelled in flight as cancelled, not failed', () => {
    expect(totalsLine(totalsOf([answered, cancelled]))).toBe('2 requests: 1 passed, 0 failed, 1 cancelled · tests 0/0 passed');
    expect(totalsLine(totalsOf([answered, failed, cancelled]), 6)).toBe('3 of 6 requests: 1 passed, 1 failed, 1 cancelled · tests 0/0 passed');
  });

  it('names nothing cancelled when nothing was', () => {
    expect(totalsLine(totalsOf([answered, failed]))).toBe('2 requests: 1 passed, 1 failed · tests 0/0 passed');
  });

  it('says "cancelled" on a cancelled result, not its error', () => {
    expect(resultLine(cancelled)).toBe('#1 · cancelled');
    expect(resultLine(failed)).toBe('#1 · connect ECONNREFUSED');
  });

  it('words one request in the singular, the noun agreeing with the number before it', () => {
    expect(totalsLine(totalsOf([answered]))).toBe('1 request: 1 passed, 0 failed · tests 0/0 passed');
    expect(totalsLine(totalsOf([answered]), 1)).toBe('1 of 1 request: 1 passed, 0 failed · tests 0/0 passed');
    expect(totalsLine(totalsOf([answered]), 6)).toBe('1 of 6 requests: 1 passed, 0 failed · tests 0/0 passed');
  });

  it('counts a request still rate limited after the retry as failed, and says why once', () => {
    const limited: RequestRun = {
      ...answered,
      status: 429,
      statusText: 'Too Many Requests',
      retried: true,
      error: { code: 'RATE_LIMITED', message: 'still rate limited (429) after waiting 30 s' },
    };
    expect(totalsLine(totalsOf([limited]))).toBe('1 request: 0 passed, 1 failed · tests 0/0 passed');
    expect(resultLine(limited)).toBe('#1 · still rate limited (429) after waiting 30 s');
    expect(resultLine({ ...answered, retried: true })).toBe('#1 · 200 OK · 5 ms · retried after a rate limit');
  });

  it('says what the run waits for during a pause, not the request that already finished', () => {
    expect(currentLine({ phase: 'sending', name: 'A', iteration: 1 }, 3)).toBe('Sending A (iteration 1 of 3)');
    expect(currentLine({ phase: 'waiting', name: 'B', iteration: 2, waitMs: 1500 }, 3)).toBe('Waiting 1.5 s before B (iteration 2 of 3)');
    expect(currentLine({ phase: 'waiting', name: 'B', iteration: 2, waitMs: 30_000 }, 3)).toBe('Waiting 30 s before B (iteration 2 of 3)');
  });
});

describe('outcomeLabel', () => {
  it('says "Sent", not a green "Pass", for a request without tests, whatever its status (new-user finding V12)', () => {
    expect(outcomeLabel({ ...answered, status: 404, statusText: 'NOT FOUND' })).toEqual({ label: 'Sent', tone: 'sent' });
    expect(outcomeLabel(answered)).toEqual({ label: 'Sent', tone: 'sent' });
    expect(outcomeLabel({ ...answered, tests: [{ name: 'ok', outcome: 'passed', source: 'assertion' }] })).toEqual({ label: 'Pass', tone: 'passed' });
    expect(outcomeLabel(cancelled).tone).toBe('cancelled');
  });
});
