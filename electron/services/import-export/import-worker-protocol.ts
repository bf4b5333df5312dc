import type { ImportResult } from '../../../shared/contract';

/** The steps of an import, in order, as the window shows them. */
export type ImportPhase = 'parsing' | 'resolving' | 'converting';

export interface ImportWorkerInput {
  text: string;
  sourceUrl?: string;
}

export type ImportWorkerMessage =
  | { type: 'progress'; phase: ImportPhase }
  | { type: 'result'; result: ImportResult }
  | { type: 'error'; code: 'INVALID_IMPORT' | 'INTERNAL'; message: string };
