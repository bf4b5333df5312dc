import type { ImportedItem, ImportResult, ImportWarning } from '../contract';
import { needsVaultToSave } from '../auth';

/** Said per item in the preview when the vault cannot take a typed credential: it would be left out of the files. */
export const CREDENTIAL_LEFT_OUT =
  'Its typed credential goes into the vault, which is not unlocked: imported now, it is left out of the files (they are meant to be ' +
  'shared). Unlock the vault before importing to keep it.';

/**
 * The import as the preview should show it when the vault is not unlocked: a typed password, token, API key or client
 * secret (a collection's or a request's auth) cannot be stored then, and the workspace leaves it out of the files. Each
 * such item gets a note under its path, so the preview and the result message say it and count it alike.
 */
export function withCredentialNotes(result: ImportResult): ImportResult {
  const notes: ImportWarning[] = [];
  const walk = (items: readonly ImportedItem[], path: readonly string[]) => {
    for (const item of items) {
      if (item.type === 'folder') walk(item.items, [...path, item.name]);
      else if (needsVaultToSave(item.request.auth)) notes.push({ item: [...path, item.name].join(' / '), message: CREDENTIAL_LEFT_OUT });
    }
  };
  for (const collection of result.collections) {
    if (needsVaultToSave(collection.auth)) notes.push({ item: collection.name, message: CREDENTIAL_LEFT_OUT });
    walk(collection.items, []);
  }
  return notes.length === 0 ? result : { ...result, warnings: [...result.warnings, ...notes] };
}
