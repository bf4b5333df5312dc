import { describe, expect, it } from 'vitest';
import { totalsOf, type RequestRun } from '../../../shared/runner';
import { exitCodeOf } from './exit-code';

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
  name: 'B',
  status: null,
  statusText: '',
  timeMs: null,
  error: { code: 'CANCELLED', message: 'The request was cancelled.' },
};
const failed: RequestRun = { ...answered, name: 'C', status: null, statusText: '', timeMs: null, error: { code: 'NETWORK', message: 'connect ECONNREFUSED' } };

describe('courier run exit code', () => {
  it('is 0 when the only request that did not pass was cancelled in flight', () => {
    expect(exitCodeOf({ cancelled: false, totals: totalsOf([answered, cancelled]) })).toBe(0);
  });

  it('is 1 for a failed request and 130 for a cancelled run', () => {
    expect(exitCodeOf({ cancelled: false, totals: totalsOf([answered, cancelled, failed]) })).toBe(1);
    expect(exitCodeOf({ cancelled: true, totals: totalsOf([answered, cancelled]) })).toBe(130);
  });
});
