import { type TestResult } from '../contract';
import { escapeMarkup as x, seconds } from './markup';
import { requestOutcome, type RequestRun, type RunResult } from './run-result';

// One <testsuite> per request and iteration, one <testcase> per check, like newman's JUnit reporter, so CI tools
// (Jenkins, GitLab, GitHub's test reporters) list "which request, which check" the way testers already read them.
// The element and attribute set is the common one CI tools share (Jenkins' junit-10.xsd): testsuites > testsuite >
// testcase > failure | error | skipped.

function testcase(run: RequestRun, test: TestResult, classname: string): string {
  const open = `    <testcase name="${x(test.name)}" classname="${x(classname)}" time="0.000">`;
  if (test.outcome === 'passed') return `${open}</testcase>`;
  if (test.outcome === 'skipped') return `${open}\n      <skipped message="${x(test.message ?? 'skipped')}"/>\n    </testcase>`;
  const message = test.message ?? 'failed';
  const detail = [message, test.actual === undefined ? '' : `actual: ${test.actual}`, `${run.method} ${run.url}`].filter(Boolean).join('\n');
  return `${open}\n      <failure message="${x(message)}" type="${test.source === 'script' ? 'ScriptAssertion' : 'Assertion'}">${x(detail)}</failure>\n    </testcase>`;
}

/** What a request without checks, or without a response, reports: that it was answered, or why not. */
function requestCase(run: RequestRun, classname: string): string {
  const open = `    <testcase name="${x(`${run.method} ${run.name}`)}" classname="${x(classname)}" time="${seconds(run.timeMs ?? 0)}">`;
  if (run.skipped !== null) return `${open}\n      <skipped message="${x(run.skipped)}"/>\n    </testcase>`;
  // cancelled in flight: nothing was learnt, so CI must not list it as an error
  if (requestOutcome(run) === 'cancelled') return `${open}\n      <skipped message="${x(`Cancelled: ${run.error!.message}`)}"/>\n    </testcase>`;
  if (run.error !== null)
    return `${open}\n      <error message="${x(run.error.message)}" type="${x(run.error.code)}">${x(`${run.method} ${run.url}\n${run.error.message}`)}</error>\n    </testcase>`;
  return `${open}</testcase>`;
}

interface Suite {
  xml: string;
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

function testsuite(run: RequestRun, id: number, startedAt: number): Suite {
  const suiteName = [run.folder, run.name].filter(Boolean).join(' / ');
  const classname = suiteName.replace(/\s*\/\s*/g, '.');
  const cases = [
    ...(run.error !== null || run.skipped !== null || run.tests.length === 0 ? [requestCase(run, classname)] : []),
    ...run.tests.map((test) => testcase(run, test, classname)),
  ];
  const failures = run.tests.filter((test) => test.outcome === 'failed').length;
  const outcome = requestOutcome(run);
  const skipped = run.tests.filter((test) => test.outcome === 'skipped').length + (outcome === 'skipped' || outcome === 'cancelled' ? 1 : 0);
  const errors = run.error === null || outcome === 'cancelled' ? 0 : 1;
  // Jenkins' schema wants a timestamp without a zone; it is UTC
  const timestamp = new Date(startedAt).toISOString().slice(0, 19);
  const name = run.iteration > 1 ? `${suiteName} (iteration ${run.iteration})` : suiteName;
  const xml = [
    `  <testsuite name="${x(name)}" id="${id}" tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${seconds(run.timeMs ?? 0)}" timestamp="${timestamp}">`,
    ...cases,
    '  </testsuite>',
  ].join('\n');
  return { xml, tests: cases.length, failures, errors, skipped };
}

/** JUnit XML of a run (every text already masked by the runner; escaped here). */
export function junitReport(result: RunResult): string {
  const suites = result.requests.map((run, index) => testsuite(run, index, result.startedAt));
  const sum = (key: keyof Omit<Suite, 'xml'>) => suites.reduce((total, suite) => total + suite[key], 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${x(result.name)}" tests="${sum('tests')}" failures="${sum('failures')}" errors="${sum('errors')}" skipped="${sum('skipped')}" time="${seconds(result.finishedAt - result.startedAt)}">`,
    ...suites.map((suite) => suite.xml),
    '</testsuites>',
    '',
  ].join('\n');
}
