import { type RunResult } from './run-result';

/** The run as JSON: the RunResult itself under a format tag, so a later shape can be told apart by tools reading it. */
export function jsonReport(result: RunResult): string {
  return `${JSON.stringify({ format: 'courier-run', version: 1, ...result }, null, 2)}\n`;
}
