import { escapeMarkup as h } from './markup';
import { requestOutcome, type RequestRun, type RunResult } from './run-result';

// One file a CI job can keep as an artifact and anyone can open: styles inline, no script, no font, no image, and a
// Content-Security-Policy that forbids loading anything, so a value that slipped through escaping could not fetch.

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#1d2330;background:#fff}
h1{font-size:1.4rem;margin:0 0 .25rem}.meta{color:#5b6475;margin:0 0 1rem}
table{border-collapse:collapse;width:100%;margin:0 0 1.5rem}th,td{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #e3e6ec;vertical-align:top}
th{background:#f4f6f9;font-weight:600}.num{text-align:right;font-variant-numeric:tabular-nums}
.pass{color:#17803d}.fail{color:#c62828;font-weight:600}.skip{color:#8a6d00}
.url{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;word-break:break-all;color:#5b6475}
ul.tests{margin:.25rem 0 0;padding-left:1.2rem}ul.tests li{margin:.1rem 0}
.msg{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;white-space:pre-wrap}
tr.failed{background:#fff5f5}
`;

const mark = (outcome: string): string =>
  outcome === 'passed' ? '<span class="pass">✓</span>' : outcome === 'failed' ? '<span class="fail">✗</span>' : '<span class="skip">–</span>';

function tests(run: RequestRun): string {
  const items = run.tests.map((test) => {
    const why = [test.message, test.actual === undefined ? undefined : `actual: ${test.actual}`].filter((part) => part !== undefined).join(' — ');
    return `<li>${mark(test.outcome)} ${h(test.name)}${why === '' ? '' : ` <span class="msg">${h(why)}</span>`}</li>`;
  });
  if (run.error !== null)
    items.unshift(
      `<li>${mark(requestOutcome(run) === 'cancelled' ? 'cancelled' : 'failed')} <span class="msg">${h(`${run.error.code}: ${run.error.message}`)}</span></li>`,
    );
  if (run.skipped !== null) items.unshift(`<li>${mark('skipped')} ${h(run.skipped)}</li>`);
  return items.length === 0 ? '' : `<ul class="tests">${items.join('')}</ul>`;
}

const RESULT = {
  passed: '<span class="pass">passed</span>',
  failed: '<span class="fail">failed</span>',
  skipped: '<span class="skip">skipped</span>',
  cancelled: '<span class="skip">cancelled</span>',
} as const;

function row(run: RequestRun): string {
  const outcome = requestOutcome(run);
  const failed = outcome === 'failed';
  const status = run.status === null ? '—' : `${run.status} ${run.statusText}`;
  return `<tr${failed ? ' class="failed"' : ''}><td class="num">${run.iteration}</td><td>${h(run.method)} <strong>${h(run.name)}</strong>${run.folder === '' ? '' : ` <span class="url">${h(run.folder)}</span>`}<div class="url">${h(run.url)}</div>${tests(run)}</td><td>${h(status)}${run.retried ? ' (retried after a rate limit)' : ''}</td><td class="num">${run.timeMs === null ? '—' : `${run.timeMs} ms`}</td><td>${RESULT[outcome]}</td></tr>`;
}

/** A self-contained HTML page of the run; every value escaped (and masked already by the runner). */
export function htmlReport(result: RunResult): string {
  const t = result.totals;
  const when = new Date(result.startedAt).toISOString().replace('T', ' ').slice(0, 19);
  const state = result.cancelled ? ' — cancelled' : result.bailed ? ' — stopped at the first failure' : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${h(`Courier run: ${result.name}`)}</title><style>${STYLE}</style></head>
<body>
<h1>${h(result.name)}</h1>
<p class="meta">${h(`${when} UTC · ${result.iterations} iteration${result.iterations === 1 ? '' : 's'}${result.environment === null ? '' : ` · environment ${result.environment}`} · ${((result.finishedAt - result.startedAt) / 1000).toFixed(2)} s${state}`)}</p>
<table><thead><tr><th></th><th class="num">total</th><th class="num">failed</th><th class="num">skipped</th><th class="num">cancelled</th></tr></thead><tbody>
<tr><th>Requests</th><td class="num">${t.requests}</td><td class="num${t.failedRequests > 0 ? ' fail' : ''}">${t.failedRequests}</td><td class="num">${t.skippedRequests}</td><td class="num">${t.cancelledRequests}</td></tr>
<tr><th>Tests</th><td class="num">${t.tests}</td><td class="num${t.failedTests > 0 ? ' fail' : ''}">${t.failedTests}</td><td class="num">${t.skippedTests}</td><td class="num">—</td></tr>
</tbody></table>
<table><thead><tr><th class="num">#</th><th>Request</th><th>Status</th><th class="num">Time</th><th>Result</th></tr></thead><tbody>
${result.requests.map(row).join('\n')}
</tbody></table>
</body></html>
`;
}
