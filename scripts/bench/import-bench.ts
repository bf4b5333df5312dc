import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createImportExportService, type ImportExportService } from '../../electron/services/import-export';
// not part of the service's surface (it loads them on first use): the bench times them alone
import { parseLargeYaml } from '../../electron/services/import-export/fast-yaml';
import { dereferenceOpenApi } from '../../electron/services/import-export/openapi-dereference';
import { largeOpenApiYaml } from '../../electron/services/import-export/test-support/large-openapi';
import { countRequests, parseCurl } from '../../shared/importers';
import { median, percentile, round, type Metrics } from './report';

const OPENAPI_RUNS = 3;
const LARGE_RUNS = 3;
/** Microsoft Graph v1.0's openapi.yaml is about this size */
const LARGE_BYTES = 58 * 1024 * 1024;
const TICK_MS = 5;
const CURL_WARMUP = 2_000;
const CURL_ITERATIONS = 10_000;
const CURL_RUNS = 5;

/** What Chromium's "Copy as cURL (bash)" writes for an ordinary XHR: 16 headers, cookies, a JSON body. */
const DEVTOOLS_CURL = `curl 'https://api.example.com/v2/projects/4821/tasks?include=assignee%2Clabels&page=3&per_page=50' \\
  -H 'accept: application/json, text/plain, */*' \\
  -H 'accept-language: en-GB,en-US;q=0.9,en;q=0.8' \\
  -H 'authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U' \\
  -H 'cache-control: no-cache' \\
  -H 'content-type: application/json' \\
  -b '_ga=GA1.1.1234567890.1700000000; session_id=8f14e45fceea167a5a36dedd4bea2543; theme=dark; consent=%7B%22ads%22%3Afalse%7D' \\
  -H 'origin: https://app.example.com' \\
  -H 'pragma: no-cache' \\
  -H 'priority: u=1, i' \\
  -H 'referer: https://app.example.com/projects/4821/board' \\
  -H 'sec-ch-ua: "Chromium";v="131", "Google Chrome";v="131", "Not_A Brand";v="24"' \\
  -H 'sec-ch-ua-mobile: ?0' \\
  -H 'sec-ch-ua-platform: "Linux"' \\
  -H 'sec-fetch-dest: empty' \\
  -H 'sec-fetch-mode: cors' \\
  -H 'sec-fetch-site: same-site' \\
  -H 'user-agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36' \\
  --data-raw $'{"title":"Write the release notes","description":"Don\\'t forget the migration\\\\nsteps","labels":[3,7],"due":"2026-12-24"}'`;

/** The floor: a regex split into quoted or bare words, no escapes, no options, no request. */
function shellWordsSplit(text: string): number {
  return (text.match(/\$?'[^']*'|"(?:\\.|[^"\\])*"|[^\s'"]+/g) ?? []).length;
}

function sampleMicros(fn: () => number): { p50: number; sink: number } {
  let sink = 0;
  for (let i = 0; i < CURL_WARMUP; i += 1) sink += fn();
  const samples = new Array<number>(CURL_ITERATIONS);
  for (let i = 0; i < CURL_ITERATIONS; i += 1) {
    const t0 = performance.now();
    sink += fn();
    samples[i] = (performance.now() - t0) * 1000;
  }
  return { p50: percentile(samples, 50), sink };
}

/**
 * One import of a large text with the main thread watched: a 5 ms interval timer's lateness (the longest stretch the
 * main event loop could not run anything) and perf_hooks' event-loop delay histogram; the larger of the two counts.
 */
async function watchedImport(service: ImportExportService, text: string): Promise<{ ms: number; longestBlock: number; requests: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - TICK_MS);
    last = now;
  }, TICK_MS);
  histogram.enable();
  const t0 = performance.now();
  try {
    const result = await service.parse(text);
    const ms = performance.now() - t0;
    return { ms, longestBlock: Math.max(longest, histogram.max / 1e6 - 1), requests: countRequests(result) };
  } finally {
    clearInterval(timer);
    histogram.disable();
  }
}

/**
 * openapi_import_github_ms: the GitHub REST API description (@octokit/openapi, ~13 MB, ~1,000 operations) imported
 * the way the app does it (JSON.parse, swagger-parser dereference, conversion with example bodies, contract check).
 * Baseline in the same run: bare JSON.parse + dereference. curl_parse_us_p50: a devtools "Copy as cURL" command to a
 * request; baseline a regex shell-words split of the same text.
 */
export async function runImportBench(root: string): Promise<Metrics> {
  const require = createRequire(path.join(root, 'package.json'));
  const text = readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8');
  const service = createImportExportService();
  const ours: number[] = [];
  const base: number[] = [];
  let requests = 0;
  let warnings = 0;
  for (let run = 0; run < OPENAPI_RUNS; run += 1) {
    let t0 = performance.now();
    await dereferenceOpenApi(JSON.parse(text) as Record<string, unknown>);
    base.push(performance.now() - t0);
    t0 = performance.now();
    const result = await service.parse(text);
    ours.push(performance.now() - t0);
    requests = countRequests(result);
    warnings = result.warnings.length;
  }

  // openapi_import_yaml_58mb_ms: a generated Graph-sized YAML description through the import worker
  const large = largeOpenApiYaml(LARGE_BYTES);
  const largeMs: number[] = [];
  const blocks: number[] = [];
  let largeRequests = 0;
  for (let run = 0; run < LARGE_RUNS; run += 1) {
    const watched = await watchedImport(service, large.text);
    largeMs.push(watched.ms);
    blocks.push(watched.longestBlock);
    largeRequests = watched.requests;
  }
  if (largeRequests !== large.operations) throw new Error(`58 MB import gave ${largeRequests} requests, expected ${large.operations}`);
  // baseline: the floor of the same work, on this thread: js-yaml parse + swagger-parser dereference, no conversion
  const baseStart = performance.now();
  await dereferenceOpenApi(parseLargeYaml(large.text) as Record<string, unknown>);
  const largeBase = performance.now() - baseStart;

  const check = parseCurl(DEVTOOLS_CURL);
  if (!check.ok || check.request.headers.length !== 17 || check.request.body.kind !== 'json') throw new Error('bench curl command did not parse as expected');
  const oursP50: number[] = [];
  const baseP50: number[] = [];
  let sink = 0;
  for (let run = 0; run < CURL_RUNS; run += 1) {
    const b = sampleMicros(() => shellWordsSplit(DEVTOOLS_CURL));
    const o = sampleMicros(() => {
      const parsed = parseCurl(DEVTOOLS_CURL);
      return parsed.ok ? parsed.request.headers.length : 0;
    });
    baseP50.push(b.p50);
    oursP50.push(o.p50);
    sink += b.sink + o.sink;
  }
  if (sink === 0) throw new Error('unreachable: keeps the work observable');

  const openapi = median(ours);
  const openapiBase = median(base);
  const curl = median(oursP50);
  const curlBase = median(baseP50);
  const largeMedian = median(largeMs);
  const megabytes = (Buffer.byteLength(large.text) / 1024 ** 2).toFixed(1);
  return {
    openapi_import_yaml_58mb_ms: {
      value: round(largeMedian, 0),
      unit: 'ms',
      baseline: round(largeBase, 0),
      ratio: round(largeMedian / largeBase, 2),
      target: '≤ 6000 ms',
      how: `import.parse (worker thread: js-yaml parse, swagger-parser dereference, conversion, contract check, result in batches) of a generated Microsoft Graph-sized YAML description (${megabytes} MiB, ${large.operations} operations), median of ${LARGE_RUNS} runs; baseline js-yaml parse + dereference on one thread, no conversion`,
    },
    openapi_import_main_longest_block_ms: {
      value: round(Math.max(...blocks), 1),
      unit: 'ms',
      baseline: null,
      ratio: null,
      target: '≤ 50 ms',
      how: `longest stretch the main event loop could not run during the ${megabytes} MiB import (a ${TICK_MS} ms setInterval's lateness and perf_hooks monitorEventLoopDelay max), worst of ${LARGE_RUNS} runs`,
    },
    openapi_import_github_ms: {
      value: round(openapi, 0),
      unit: 'ms',
      baseline: round(openapiBase, 0),
      ratio: round(openapi / openapiBase, 2),
      target: '≤ 3000 ms',
      how: `import.parse of @octokit/openapi api.github.com.json (${requests} requests, ${warnings} warnings), median of ${OPENAPI_RUNS} runs; baseline JSON.parse + swagger-parser dereference`,
    },
    curl_parse_us_p50: {
      value: round(curl, 1),
      unit: 'µs',
      baseline: round(curlBase, 1),
      ratio: round(curl / curlBase, 2),
      target: '≤ 2000 µs',
      how: `parseCurl of a Chromium "Copy as cURL (bash)" command (17 headers, cookies, $'…' JSON body); ${CURL_ITERATIONS} iterations after ${CURL_WARMUP} warm-up, median p50 of ${CURL_RUNS} runs; baseline a regex shell-words split`,
    },
  };
}
