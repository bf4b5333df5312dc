import { describe, expect, it } from 'vitest';
import { compareRuns, responseTimesOf } from './compare';
import { type RequestRun } from './run-result';

const run = (name: string, iteration: number, status: number | null, failed = false, timeMs: number | null = 10): RequestRun => ({
  iteration,
  path: `API/${name}.request.json`,
  name,
  folder: 'API',
  method: 'GET',
  url: `http://x/${name}`,
  status,
  statusText: '',
  timeMs,
  tests: failed
    ? [{ name: 'status equals 200', outcome: 'failed', source: 'assertion', message: 'expected 200' }]
    : [{ name: 'ok', outcome: 'passed', source: 'assertion' }],
  error: null,
  retried: false,
  skipped: null,
});

describe('comparing two runs', () => {
  it('pairs each request and iteration and names what changed pass → fail', () => {
    const before = [run('a', 1, 200), run('b', 1, 200), run('c', 1, 500, true), run('gone', 1, 200)];
    const after = [run('a', 1, 200, false, 30), run('b', 1, 404, true), run('c', 1, 200), run('new', 1, 200)];
    const rows = compareRuns(before, after);
    expect(rows.map((row) => [row.name, row.change])).toEqual([
      ['a', 'same'],
      ['b', 'pass→fail'],
      ['c', 'fail→pass'],
      ['new', 'added'],
      ['gone', 'removed'],
    ]);
    expect(rows[0]).toMatchObject({ before: { status: 200, timeMs: 10 }, after: { status: 200, timeMs: 30 } });
    expect(rows[1]).toMatchObject({ before: { status: 200, failed: false }, after: { status: 404, failed: true } });
  });

  it('counts a cancelled request neither as a failure nor as a change from pass to fail', () => {
    const cancelled = (name: string, iteration: number): RequestRun => ({
      ...run(name, iteration, null, false, null),
      tests: [],
      error: { code: 'CANCELLED', message: 'The request was cancelled.' },
    });
    const rows = compareRuns(
      [run('a', 1, 200), cancelled('b', 1), cancelled('c', 1), run('d', 1, 500, true)],
      [cancelled('a', 1), run('b', 1, 200), cancelled('c', 1), cancelled('d', 1)],
    );
    expect(rows.map((row) => [row.name, row.change])).toEqual([
      ['a', 'cancelled'],
      ['b', 'cancelled'],
      ['c', 'same'],
      ['d', 'cancelled'],
    ]);
    expect(rows[0]!.after).toMatchObject({ outcome: 'cancelled', failed: false });
  });

  it('compares a request sent twice in one iteration occurrence by occurrence', () => {
    const rows = compareRuns([run('a', 1, 200), run('a', 1, 200)], [run('a', 1, 200), run('a', 1, 500, true)]);
    expect(rows.map((row) => row.change)).toEqual(['same', 'pass→fail']);
  });
});

describe('response times of a request across iterations', () => {
  it('has one point per iteration, null where no answer came or it was not sent', () => {
    const requests = [run('a', 1, 200, false, 12), run('b', 1, 200), run('a', 2, null, false, null), run('a', 2, 200, false, 99), run('a', 4, 200, false, 7)];
    expect(responseTimesOf(requests, 'API/a.request.json', 4)).toEqual({ x: [1, 2, 3, 4], y: [12, null, null, 7] });
  });
});
