import { useDeferredValue, useMemo, useState } from 'react';
import { searchSchema, type SchemaIndex, type SchemaTypeEntry } from '../../../shared/graphql';
import { SchemaTypeDetails } from './schema-type-details';
import styles from './graphql.module.css';

interface SchemaExplorerProps {
  index: SchemaIndex;
  /** puts a field's name into the query at the cursor */
  onInsert: (text: string) => void;
}

const LIST_LIMIT = 200;

/** Search across types, fields and descriptions; pick a type to read its fields, arguments and deprecations. */
export function SchemaExplorer({ index, onInsert }: SchemaExplorerProps) {
  const [term, setTerm] = useState('');
  const [selected, setSelected] = useState<string | null>(index.queryType);
  const deferred = useDeferredValue(term);
  const hits = useMemo(() => searchSchema(index, deferred, LIST_LIMIT), [index, deferred]);
  const byName = useMemo(() => new Map(index.types.map((type) => [type.name, type])), [index]);
  const type: SchemaTypeEntry | null = selected ? (byName.get(selected) ?? null) : null;

  return (
    <aside className={styles.explorer} aria-label="Schema explorer">
      <input
        type="search"
        className={styles.input}
        placeholder={`Search ${index.types.length} types and ${index.fieldCount} fields`}
        aria-label="Search schema"
        value={term}
        onChange={(event) => {
          // Typing a search means looking for something else: show the matches, not the type that was open.
          setTerm(event.target.value);
          setSelected(null);
        }}
      />
      {type ? (
        <SchemaTypeDetails type={type} onOpenType={setSelected} onBack={() => setSelected(null)} onInsert={onInsert} />
      ) : (
        <ul className={styles.explorerList} aria-label="Schema search results">
          {hits.map((hit) => (
            <li key={`${hit.typeName}.${hit.fieldName ?? ''}`}>
              <button type="button" className={styles.link} onClick={() => setSelected(hit.typeName)}>
                {hit.fieldName ? (
                  <>
                    <span className={styles.faint}>{hit.typeName}.</span>
                    {hit.fieldName}
                  </>
                ) : (
                  <>
                    {hit.typeName} <span className={styles.faint}>{byName.get(hit.typeName)?.kind}</span>
                  </>
                )}
              </button>
            </li>
          ))}
          {hits.length === 0 ? <li className={styles.faint}>Nothing matches “{deferred}”.</li> : null}
          {hits.length === LIST_LIMIT ? <li className={styles.faint}>Showing the first {LIST_LIMIT}; type more to narrow down.</li> : null}
        </ul>
      )}
    </aside>
  );
}
