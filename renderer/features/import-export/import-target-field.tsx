import type { WorkspaceNode } from '../../../shared/contract';
import { Field } from '../../ui';

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
