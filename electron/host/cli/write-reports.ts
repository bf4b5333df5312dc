import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { htmlReport, jsonReport, junitReport, type RunResult } from '../../../shared/runner';
import { type ReporterName } from './args';

const FILES = { json: ['courier-run.json', jsonReport], junit: ['courier-run.junit.xml', junitReport], html: ['courier-run.html', htmlReport] } as const;

/** Writes the chosen report files into outDir; `mask` runs over each whole file as a last guard. Returns the paths. */
export async function writeReports(result: RunResult, reporters: readonly ReporterName[], outDir: string, mask: (text: string) => string): Promise<string[]> {
  const chosen = reporters.filter((name): name is keyof typeof FILES => name in FILES);
  if (chosen.length === 0) return [];
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const name of chosen) {
    const [file, report] = FILES[name];
    const target = path.join(outDir, file);
    await writeFile(target, mask(report(result)));
    written.push(target);
  }
  return written;
}
