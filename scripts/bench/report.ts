import { writeFile, mkdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface Metric {
  value: number;
  unit: string;
  /** the same measurement through a baseline (raw undici, curl) in the same run, where there is one */
  baseline: number | null;
  ratio: number | null;
  target: string;
  how: string;
}

export type Metrics = Record<string, Metric>;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

/** Merges new figures into docs/benchmarks.json (so one group can be re-run alone) and rewrites docs/benchmarks.md. */
export async function writeReport(root: string, metrics: Metrics, notes: string[]): Promise<void> {
  const docs = path.join(root, 'docs');
  await mkdir(docs, { recursive: true });
  const jsonPath = path.join(docs, 'benchmarks.json');
  let previous: Record<string, Metric & { measuredAt?: string }> = {};
  try {
    previous = JSON.parse(await readFile(jsonPath, 'utf8')) as typeof previous;
  } catch {
    previous = {};
  }
  const measuredAt = new Date().toISOString();
  const merged: Record<string, Metric & { measuredAt?: string }> = { ...previous };
  for (const [key, metric] of Object.entries(metrics)) merged[key] = { ...metric, measuredAt };
  await writeFile(jsonPath, JSON.stringify(merged, null, 2) + '\n');

  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench`. Each figure is the median of several runs; where a baseline exists it was measured in',
    'the same run on the same machine, and `ratio` is Courier ÷ baseline. These are reports, not tests.',
    '',
    `- Machine: ${machine()}`,
    `- Date: ${measuredAt}`,
    '',
    '| metric | value | unit | baseline | ratio | target | how |',
    '|---|---|---|---|---|---|---|',
    ...Object.entries(merged).map(
      ([key, m]) =>
        `| \`${key}\` | ${m.value} | ${m.unit} | ${m.baseline ?? '—'} | ${m.ratio ?? '—'} | ${m.target} | ${m.how}${m.measuredAt && m.measuredAt !== measuredAt ? ` (measured ${m.measuredAt})` : ''} |`,
    ),
    '',
    ...(notes.length > 0 ? ['## Notes', '', ...notes.map((note) => `- ${note}`), ''] : []),
  ];
  await writeFile(path.join(docs, 'benchmarks.md'), lines.join('\n'));
}
