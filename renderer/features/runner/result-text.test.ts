import { describe, expect, it } from 'vitest';
import { totalsOf, type RequestRun } from '../../../shared/runner';
import { resultLine, totalsLine } from './result-text';

const answered: RequestRun = { iteration: 1, path: 'api/a', name: 'A', folder: 'API', method: 'GET', url: 'http://x/a', status: 200, statusText: 'OK', timeMs: 5, tests: [], error: null, retried: false, skipped: null };
const cancelled: RequestRun = { ...answered, name: 'Slow', status: null, statusText: '', timeMs: null, error: { code: 'CANCELLED', message: 'The request was cancelled.' } };
const failed: RequestRun = { ...answered, name: 'Down', status: null, statusText: '', timeMs: null, error: { code: 'NETWORK', message: 'connect ECONNREFUSED' } };

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
});
