import type { ImportResult } from '../contract';
import { countRequests } from './walk';

export interface ImportSummary {
  requests: number;
  environments: number;
  /** items (requests, folders, the collection) with at least one warning */
  itemsWithWarnings: number;
  warnings: number;
}

export function summarizeImport(result: ImportResult): ImportSummary {
  return {
    requests: countRequests(result),
    environments: result.environments.length,
    itemsWithWarnings: new Set(result.warnings.map((warning) => warning.item)).size,
    warnings: result.warnings.length,
  };
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * The one sentence both the import preview and the import result message use, so the two can never count
 * differently: "3 requests, 1 environment, 2 items not carried over in full (4 notes)".
 */
export function describeImport(summary: ImportSummary): string {
  const parts = [plural(summary.requests, 'request')];
  if (summary.environments > 0) parts.push(plural(summary.environments, 'environment'));
  if (summary.itemsWithWarnings > 0) {
    const notes = summary.warnings === summary.itemsWithWarnings ? '' : ` (${plural(summary.warnings, 'note')})`;
    parts.push(`${plural(summary.itemsWithWarnings, 'item')} not carried over in full${notes}`);
  }
  return parts.join(', ');
}
