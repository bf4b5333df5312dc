import type { ImportedItem, ImportedRequest, ImportResult, ImportWarning } from '../../../shared/contract';
import { processEnvReferences } from '../../../shared/importers/env-references';
import { describeImport, summarizeImport } from '../../../shared/importers/import-summary';
import { Button, formControls } from '../../ui';
import styles from './import-preview.module.css';

interface ImportPreviewProps {
  result: ImportResult;
  onOpen: (request: ImportedRequest) => void;
}

const METHOD_CLASS: Record<string, string | undefined> = {
  GET: styles.get,
  POST: styles.post,
  PUT: styles.put,
  PATCH: styles.patch,
  DELETE: styles.delete,
};

/** The method's colour; other methods keep the plain one. */
const methodClass = (method: string): string | undefined => {
  const colour = METHOD_CLASS[method.toUpperCase()];
  return colour ? `${styles.method} ${colour}` : styles.method;
};

/** An item's warnings are filed under its path ("Folder / Request") or, by importers without folders, its name. */
type WarningsByItem = ReadonlyMap<string, readonly ImportWarning[]>;

function ItemList({
  items,
  path,
  warnings,
  onOpen,
  expand,
}: {
  items: readonly ImportedItem[];
  path: readonly string[];
  warnings: WarningsByItem;
  onOpen: (request: ImportedRequest) => void;
  expand: boolean;
}) {
  return (
    <ul className={styles.tree}>
      {items.map((item, index) => {
        if (item.type === 'folder') {
          return (
            <li key={`f${index}`}>
              <details open={expand}>
                <summary>
                  {item.name} <span className={formControls.muted}>({item.items.length})</span>
                </summary>
                <ItemList items={item.items} path={[...path, item.name]} warnings={warnings} onOpen={onOpen} expand={expand} />
              </details>
            </li>
          );
        }
        const own = warnings.get([...path, item.name].join(' / ')) ?? [];
        return (
          <li key={`r${index}`} className={styles.request}>
            <span className={methodClass(item.request.method)}>{item.request.method}</span>
            <span className={styles.name}>{item.name}</span>
            <Button variant="quiet" onClick={() => onOpen(item)} aria-label={`Open ${item.name} in the builder`}>
              Open
            </Button>
            {own.length > 0 ? (
              <ul className={`${styles.list} ${styles.warnings}`} aria-label={`Changed or left out in ${item.name}`}>
                {own.map((warning, at) => (
                  <li key={at}>{warning.message}</li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** Warnings keyed by item path; the ones whose item is not a request in the tree stay for the list below it. */
function placeWarnings(result: ImportResult): { byItem: Map<string, ImportWarning[]>; elsewhere: ImportWarning[] } {
  const requestPaths = new Set<string>();
  const walk = (items: readonly ImportedItem[], path: readonly string[]) => {
    for (const item of items) {
      if (item.type === 'folder') walk(item.items, [...path, item.name]);
      else requestPaths.add([...path, item.name].join(' / '));
    }
  };
  for (const collection of result.collections) walk(collection.items, []);
  const byItem = new Map<string, ImportWarning[]>();
  const elsewhere: ImportWarning[] = [];
  for (const warning of result.warnings) {
    if (requestPaths.has(warning.item)) byItem.set(warning.item, [...(byItem.get(warning.item) ?? []), warning]);
    else elsewhere.push(warning);
  }
  return { byItem, elsewhere };
}

/** What an import would bring in, before anything is kept: collections, environments and what was left out. */
export function ImportPreview({ result, onOpen }: ImportPreviewProps) {
  const summary = summarizeImport(result);
  const requests = summary.requests;
  const envNames = processEnvReferences(result);
  const { byItem, elsewhere } = placeWarnings(result);
  return (
    <div className={styles.preview} aria-label="Import preview">
      <p className={styles.summary}>
        <strong>{result.formatLabel}</strong>: {describeImport(summary)}
      </p>
      {result.collections.map((collection, index) => (
        <section key={index} className={styles.collection} aria-label={`Collection ${collection.name}`}>
          <h3>{collection.name}</h3>
          {/* small imports open their folders; a thousand operations stay folded */}
          <ItemList items={collection.items.slice(0, 500)} path={[]} warnings={byItem} onOpen={onOpen} expand={requests <= 30} />
        </section>
      ))}
      {result.environments.length > 0 ? (
        <section aria-label="Environments">
          <h3>Environments</h3>
          <ul className={styles.list}>
            {result.environments.map((environment, index) => (
              <li key={index}>
                {/* a secret's value is carried over, into the vault: what happened to it, not a warning */}
                {environment.name}{' '}
                <span className={formControls.muted}>
                  (
                  {environment.variables
                    .map((variable) => (variable.secret ? `${variable.name} (secret: stored in the vault, not in files)` : variable.name))
                    .join(', ')}
                  )
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {envNames.length > 0 ? (
        <section aria-label="Process environment variables">
          <h3>Reads process environment variables</h3>
          <p className={formControls.muted}>Courier asks before a request sends any of them, naming the host that would receive it.</p>
          <ul className={styles.list}>
            {envNames.map((name) => (
              <li key={name}>
                <code>{name}</code>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {elsewhere.length > 0 ? (
        <section aria-label="Not carried over">
          <h3>Not carried over</h3>
          <ul className={`${styles.list} ${styles.warnings}`}>
            {elsewhere.slice(0, 200).map((warning, index) => (
              <li key={index}>
                <strong>{warning.item}</strong>: {warning.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
