import type { ImportedCollection, ImportedItem } from '../contract';
import { needsVaultToSave } from '../auth';

/**
 * The collections and requests ("Team", "Team / Users / Login") whose auth holds a typed password, token, API key or
 * client secret. Saving them moves that value into the vault, so importing them needs it unlocked: the workspace
 * refuses the whole import otherwise (VAULT_LOCKED) rather than write the value in plain text.
 */
export function typedCredentialItems(collections: readonly ImportedCollection[]): string[] {
  const found: string[] = [];
  const walk = (items: readonly ImportedItem[], path: readonly string[]) => {
    for (const item of items) {
      if (item.type === 'folder') walk(item.items, [...path, item.name]);
      else if (needsVaultToSave(item.request.auth)) found.push([...path, item.name].join(' / '));
    }
  };
  for (const collection of collections) {
    if (needsVaultToSave(collection.auth)) found.push(collection.name);
    walk(collection.items, [collection.name]);
  }
  return found;
}
