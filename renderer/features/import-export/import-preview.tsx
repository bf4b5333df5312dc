import type { ImportedItem, ImportedRequest, ImportResult } from '../../../shared/contract';
import { processEnvReferences } from '../../../shared/importers/env-references';
import { countRequests } from '../../../shared/importers/walk';

interface ImportPreviewProps {
  result: ImportResult;
  onOpen: (request: ImportedRequest) => void;
}

function ItemList({ items, onOpen, expand }: { items: readonly ImportedItem[]; onOpen: (request: ImportedRequest) => void; expand: boolean }) {
  return (
    <ul className="ie-tree">
      {items.map((item, index) =>
        item.type === 'folder' ? (
          <li key={`f${index}`}>
            <details open={expand}>
              <summary>
                {item.name} <span className="ie-muted">({item.items.length})</span>
              </summary>
              <ItemList items={item.items} onOpen={onOpen} expand={expand} />
            </details>
          </li>
        ) : (
          <li key={`r${index}`} className="ie-tree__request">
            <span className={`ie-method ie-method--${item.request.method.toLowerCase()}`}>{item.request.method}</span>
            <span className="ie-tree__name">{item.name}</span>
            <button type="button" className="ie-button ie-button--quiet" onClick={() => onOpen(item)} aria-label={`Open ${item.name} in the builder`}>
              Open
            </button>
          </li>
        ),
      )}
    </ul>
  );
}

/** What an import would bring in, before anything is kept: collections, environments and what was left out. */
export function ImportPreview({ result, onOpen }: ImportPreviewProps) {
  const requests = countRequests(result);
  const envNames = processEnvReferences(result);
  return (
    <div className="ie-preview" aria-label="Import preview">
      <p className="ie-summary">
        <strong>{result.formatLabel}</strong>: {requests} request{requests === 1 ? '' : 's'}
        {result.environments.length > 0 ? `, ${result.environments.length} environment${result.environments.length === 1 ? '' : 's'}` : ''}
        {result.warnings.length > 0 ? `, ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}` : ''}
      </p>
      {result.collections.map((collection, index) => (
        <section key={index} className="ie-collection" aria-label={`Collection ${collection.name}`}>
          <h3>{collection.name}</h3>
          {/* small imports open their folders; a thousand operations stay folded */}
          <ItemList items={collection.items.slice(0, 500)} onOpen={onOpen} expand={requests <= 30} />
        </section>
      ))}
      {result.environments.length > 0 ? (
        <section aria-label="Environments">
          <h3>Environments</h3>
          <ul className="ie-list">
            {result.environments.map((environment, index) => (
              <li key={index}>
                {environment.name} <span className="ie-muted">({environment.variables.map((variable) => variable.name).join(', ')})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {envNames.length > 0 ? (
        <section aria-label="Process environment variables">
          <h3>Reads process environment variables</h3>
          <p className="ie-muted">Courier asks before a request sends any of them, naming the host that would receive it.</p>
          <ul className="ie-list">
            {envNames.map((name) => (
              <li key={name}>
                <code>{name}</code>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {result.warnings.length > 0 ? (
        <section aria-label="Not carried over">
          <h3>Not carried over</h3>
          <ul className="ie-list ie-warnings">
            {result.warnings.slice(0, 200).map((warning, index) => (
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
