import { useState } from 'react';
import type { ImportResult, WorkspaceNode } from '../../../shared/contract';
import { Field } from '../../ui';
import { useWorkspaceTree } from '../collections';

interface ImportTargetFieldProps {
  /** the collection the import would create, as the preview names it */
  newName: string;
  /** the workspace's readable collections */
  collections: readonly WorkspaceNode[];
  /** '' for a new collection, else the path of the collection to add the requests to */
  value: string;
  onChange: (value: string) => void;
}

/**
 * Where a curl import's requests go. Commands pasted a few at a time belong with the collection being worked in; a
 * new collection per paste left a pile of "api.shop.test", "api.shop.test 2"… (new-user pass).
 */
export function ImportTargetField({ newName, collections, value, onChange }: ImportTargetFieldProps) {
  return (
    <Field label="Put the requests in">
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">New collection “{newName}”</option>
          {collections.map((collection) => (
            <option key={collection.path} value={collection.path}>
              {collection.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * Where an import's requests go: for curl commands (requests, not a collection of their own) the new collection, or
 * one the user already has. Until the user picks for this import, a collection already named as the new one would be
 * (the same host pasted again) is the default, since a new one would only be "api.shop.test 2". `into` is the chosen
 * collection's path (undefined: a new one); `field` the select's props, null when the import offers no choice.
 */
export function useImportTarget(result: ImportResult | undefined) {
  const [picked, setPicked] = useState<string | null>(null);
  const nodes = useWorkspaceTree().data?.nodes;
  const curl = result?.format === 'curl' && result.collections.length === 1 ? result.collections[0]! : null;
  const collections = (nodes ?? []).filter((node) => node.kind === 'collection' && !node.error);
  const chosen = picked ?? (curl ? collections.find((collection) => collection.name === curl.name)?.path : undefined) ?? '';
  const into = curl && collections.some((collection) => collection.path === chosen) ? chosen : undefined;
  const field: ImportTargetFieldProps | null = curl ? { newName: curl.name, collections, value: into ?? '', onChange: setPicked } : null;
  /** after an import: the next one starts from its own default */
  const reset = () => setPicked(null);
  return { into, field, reset };
}
