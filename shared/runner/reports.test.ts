import { Window, type Element } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { htmlReport } from './report-html';
import { junitSchemaProblems } from './junit-schema';
import { jsonReport } from './report-json';
import { junitReport } from './report-junit';
import { totalsOf, type RequestRun, type RunResult } from './run-result';

const HOSTILE = `<script>alert("x")</script> & 'quotes' \u0001 \uD800 ]]>`;

function runOf(requests: RequestRun[]): RunResult {
  return {
    name: 'API & <Co>',
    environment: 'Staging',
    iterations: 2,
    startedAt: Date.parse('2026-01-02T03:04:05Z'),
    finishedAt: Date.parse('2026-01-02T03:04:06.5Z'),
    requests,
    totals: totalsOf(requests),
    cancelled: false,
    bailed: false,
  };
}
const base: RequestRun = {
  iteration: 1,
  path: 'api/a.request.json',
  name: 'A',
  folder: 'API / Users',
  method: 'GET',
  url: 'http://127.0.0.1/a',
  status: 200,
  statusText: 'OK',
  timeMs: 12,
  tests: [],
  error: null,
  retried: false,
  skipped: null,
};
const sample = runOf([
  {
    ...base,
    tests: [
      { name: 'status is 200', outcome: 'passed', source: 'assertion' },
      { name: HOSTILE, outcome: 'failed', source: 'script', message: `expected ${HOSTILE}`, actual: '404' },
      { name: 'later', outcome: 'skipped', source: 'assertion' },
    ],
  },
  { ...base, name: 'B', iteration: 2, status: null, statusText: '', timeMs: null, error: { code: 'NETWORK', message: `connect ECONNREFUSED ${HOSTILE}` } },
  { ...base, name: 'WS', method: 'WS', status: null, timeMs: null, skipped: 'WebSocket requests are not run by the collection runner.' },
  { ...base, name: 'C' },
]);

function parseXml(text: string) {
  const document = new new Window().DOMParser().parseFromString(text, 'application/xml');
  expect(document.getElementsByTagName('parsererror')).toHaveLength(0);
  return document;
}

function checkSchema(element: Element): void {
  expect(junitSchemaProblems(element)).toEqual([]);
}

// the second request was in flight when the run was cancelled
const cancelledRun = {
  ...runOf([
    { ...base, name: 'A' },
    { ...base, name: 'Slow', status: null, statusText: '', timeMs: null, error: { code: 'CANCELLED', message: 'The request was cancelled.' } },
  ]),
  cancelled: true,
};

describe('a request cancelled in flight', () => {
  it('counts as cancelled, not failed, in the totals', () => {
    expect(cancelledRun.totals).toMatchObject({ requests: 2, failedRequests: 0, skippedRequests: 0, cancelledRequests: 1 });
    expect(JSON.parse(jsonReport(cancelledRun))).toMatchObject({ totals: { failedRequests: 0, cancelledRequests: 1 } });
  });

  it('is a skipped test case in JUnit, neither an error nor a failure', () => {
    const document = parseXml(junitReport(cancelledRun));
    checkSchema(document.documentElement);
    expect(document.documentElement.getAttribute('errors')).toBe('0');
    expect(document.documentElement.getAttribute('failures')).toBe('0');
    expect(document.documentElement.getAttribute('skipped')).toBe('1');
    expect(document.getElementsByTagName('skipped')[0]!.getAttribute('message')).toBe('Cancelled: The request was cancelled.');
  });

  it('reads "cancelled" in the HTML report, not failed', () => {
    const document = new new Window().DOMParser().parseFromString(htmlReport(cancelledRun), 'text/html');
    expect(document.querySelectorAll('tr.failed')).toHaveLength(0);
    const rows = [...document.querySelectorAll('tbody')[1]!.querySelectorAll('tr')];
    expect(rows.map((row) => row.lastElementChild?.textContent)).toEqual(['passed', 'cancelled']);
  });
});

describe('JUnit report', () => {
  it('follows the JUnit schema CI tools read, with counts that add up', () => {
    const document = parseXml(junitReport(sample));
    const root = document.documentElement;
    expect(root.tagName).toBe('testsuites');
    checkSchema(root);
    const suites = [...root.getElementsByTagName('testsuite')];
    expect(suites.map((suite) => suite.getAttribute('name'))).toEqual([
      'API / Users / A',
      'API / Users / B (iteration 2)',
      'API / Users / WS',
      'API / Users / C',
    ]);
    for (const suite of suites) {
      expect(Number(suite.getAttribute('tests'))).toBe(suite.getElementsByTagName('testcase').length);
      expect(Number(suite.getAttribute('failures'))).toBe(suite.getElementsByTagName('failure').length);
      expect(Number(suite.getAttribute('errors'))).toBe(suite.getElementsByTagName('error').length);
      expect(Number(suite.getAttribute('skipped'))).toBe(suite.getElementsByTagName('skipped').length);
    }
    expect(root.getAttribute('tests')).toBe('6');
    expect(root.getAttribute('failures')).toBe('1');
    expect(root.getAttribute('errors')).toBe('1');
    expect(root.getAttribute('skipped')).toBe('2');
    expect(root.getAttribute('time')).toBe('1.500');
    expect(suites[0]!.getAttribute('timestamp')).toBe('2026-01-02T03:04:05');
  });

  it('escapes markup and replaces characters XML cannot hold, so hostile values read back as text', () => {
    const xml = junitReport(sample);
    expect(xml).not.toContain('<script>');
    expect(xml.includes('\u0001') || xml.includes('\uD800')).toBe(false);
    const document = parseXml(xml);
    const failure = document.getElementsByTagName('failure')[0]!;
    const expected = HOSTILE.replace('\u0001', '\uFFFD').replace('\uD800', '\uFFFD');
    expect(failure.getAttribute('message')).toBe(`expected ${expected}`);
    expect(failure.textContent).toContain('actual: 404');
    expect(document.getElementsByTagName('testcase')[1]!.getAttribute('name')).toBe(expected);
    expect(document.getElementsByTagName('error')[0]!.getAttribute('type')).toBe('NETWORK');
  });

  it('is checked by rules that name what breaks the schema', () => {
    const document = parseXml('<testsuites><testsuite tests="two" color="red"><testcase name="a"><bogus/></testcase></testsuite></testsuites>');
    expect(junitSchemaProblems(document.documentElement)).toEqual([
      '/testsuites/testsuite@color: not allowed',
      '/testsuites/testsuite: needs name',
      '/testsuites/testsuite@tests: "two" is not its format',
      '/testsuites/testsuite/testcase > bogus: not allowed here',
    ]);
  });

  it('is a valid empty document for a run with nothing in it', () => {
    checkSchema(parseXml(junitReport(runOf([]))).documentElement);
  });
});

describe('JSON report', () => {
  it('is the run result, tagged with its format', () => {
    const parsed = JSON.parse(jsonReport(sample)) as Record<string, unknown>;
    expect(parsed).toMatchObject({
      format: 'courier-run',
      version: 1,
      name: 'API & <Co>',
      totals: { requests: 4, failedRequests: 2, skippedRequests: 1, tests: 3 },
    });
  });
});

describe('HTML report', () => {
  it('is one self-contained page: no script, nothing loaded from anywhere, every value escaped', () => {
    const html = htmlReport(sample);
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/\b(src|href)=/i);
    expect(html).not.toMatch(/url\(|@import/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    const document = new new Window().DOMParser().parseFromString(html, 'text/html');
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect(document.body.textContent).toContain('<script>alert("x")</script>');
    expect(document.querySelector('h1')?.textContent).toBe('API & <Co>');
    expect(document.querySelectorAll('tr.failed')).toHaveLength(2);
    expect(document.body.textContent).toContain('connect ECONNREFUSED');
  });
});
