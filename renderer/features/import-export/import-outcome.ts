import type { ImportResult } from '../../../shared/contract';
import { CREDENTIAL_NOT_WRITTEN } from '../../../shared/auth';
import { CREDENTIAL_LEFT_OUT } from '../../../shared/importers/stored-credentials';

/**
 * The result message's list: the import's per-item warnings as the preview showed them, then what the workspace and
 * the environments said while saving. A typed credential the save left out was already a note in the preview
 * (withCredentialNotes), so the save's own line for it is not listed twice; had the preview not said it (the vault
 * was locked in between), the save's line stays.
 */
export function importOutcomeWarnings(shown: ImportResult, saved: readonly string[]): string[] {
  const previewed = shown.warnings.some((warning) => warning.message === CREDENTIAL_LEFT_OUT);
  return [
    ...shown.warnings.map((warning) => (warning.item === '' ? warning.message : `${warning.item}: ${warning.message}`)),
    ...saved.filter((line) => !(previewed && line.endsWith(`: ${CREDENTIAL_NOT_WRITTEN}`))),
  ];
}
