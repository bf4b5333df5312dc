import type { ContainerSettings, ImportedCollection, ImportedItem, KeyValue } from '../../../shared/contract';
import { applyInheritance } from '../../../shared/workspace';
import { emptySettings } from './problems';
import type { ContainerEntry, Entry } from './scan';

/** What the export reads of the service's last scan (it writes nothing). */
interface ExportSource {
  entryOf(rel: string): Entry;
  containerOf(rel: string): ContainerEntry;
}

const settingsOf = (entry: ContainerEntry): ContainerSettings => entry.file?.settings ?? emptySettings(entry.name);

/** Variables of the chain, collection first: a nearer level's variable replaces a same-named one further up. */
function mergedVariables(chain: readonly ContainerSettings[]): KeyValue[] {
  let merged: KeyValue[] = [];
  for (const level of chain) {
    const names = new Set(level.variables.map((v) => v.name));
    merged = [...merged.filter((v) => !names.has(v.name)), ...level.variables];
  }
  return merged;
}

/**
 * A collection or folder and everything below it, in tree order, as the neutral shape the exporters take (the same
 * one importers produce). A Postman collection has variables and auth at the top and neither headers nor readable
 * variables on folders, so: the exported container's variables and auth, merged with those it inherits from above
 * (a folder exported on its own still sends what it sent inside its collection), go on the collection; container
 * headers and the auth of folders below it are pushed down into their requests, as a send would apply them (the
 * Postman importer does the same with folder auth). Folder variables have no place and are named in a warning, as
 * are files that cannot be read (skipped). Container files hold {{references}} or placeholders, never secrets.
 */
export function exportContainer(rel: string, source: ExportSource): { collection: ImportedCollection; warnings: string[] } {
  const top = source.containerOf(rel);
  const warnings: string[] = [];
  const unreadable = (entry: ContainerEntry, trail: string) => {
    if (entry.error) warnings.push(`${trail}: its settings file cannot be read, so its variables, headers and auth were left out. ${entry.error}`);
  };

  const above: ContainerEntry[] = [];
  for (let parent = top.parent; parent !== null; parent = above[0]!.parent) above.unshift(source.containerOf(parent));
  for (const entry of above) unreadable(entry, entry.name);
  unreadable(top, top.name);
  const chain = [...above, top].map(settingsOf);
  const auth = [...chain].reverse().find((level) => level.auth.kind !== 'none')?.auth ?? { kind: 'none' as const };

  const walk = (container: ContainerEntry, trail: string[], pushed: readonly ContainerSettings[]): ImportedItem[] => {
    const items: ImportedItem[] = [];
    for (const childRel of container.children) {
      const child = source.entryOf(childRel);
      const childTrail = [...trail, child.name];
      const label = childTrail.join(' / ');
      if (child.kind === 'request') {
        if (!child.error && child.websocket) {
          warnings.push(`${label}: a WebSocket request; a Postman collection has no place for it, so it was left out.`);
          continue;
        }
        if (child.error || !child.request) {
          warnings.push(`${label}: not exported, the file cannot be read. ${child.error ?? ''}`.trimEnd());
          continue;
        }
        const applied = applyInheritance(child.request, pushed);
        // no folder below pushed auth: the request keeps inheriting, now from the exported collection's auth
        const request = child.request.auth.kind === 'inherit' && applied.auth.kind === 'none' ? { ...applied, auth: child.request.auth } : applied;
        items.push({ type: 'request', name: child.name, description: '', request });
        continue;
      }
      unreadable(child, label);
      const settings = settingsOf(child);
      if (settings.variables.length > 0) {
        warnings.push(
          `${label}: folder variables are not part of a Postman collection and were left out (${settings.variables.map((v) => v.name).join(', ')}).`,
        );
      }
      items.push({ type: 'folder', name: child.name, description: '', items: walk(child, childTrail, [...pushed, settings]) });
    }
    return items;
  };

  // The levels from the collection down to the exported container give their headers to every request; their auth
  // is the collection's own (Postman requests without auth inherit it), so only the auth of folders below is pushed.
  const inheritedHeaders = chain.map((level) => ({ ...level, auth: { kind: 'none' as const } }));
  const items = walk(top, [top.name], inheritedHeaders);
  return { collection: { name: top.name, description: '', variables: mergedVariables(chain), auth, items }, warnings };
}
