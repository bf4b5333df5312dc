import { COMMON_HEADER_NAMES, createRow, suggestHeaderValues, type KeyValueRow } from '../../../shared/request';
import { InlineMessage, KeyValueTable } from '../../ui';

interface HeadersPanelProps {
  headers: KeyValueRow[];
  onChange: (headers: KeyValueRow[]) => void;
  problems: ReadonlyMap<string, string>;
  /** an INVALID_HEADER error from the last send */
  error: string | null;
}

const NAMES_LIST_ID = 'rb-header-names';

function valuesListId(name: string): string | undefined {
  return suggestHeaderValues(name).length > 0 ? `rb-header-values-${name.trim().toLowerCase()}` : undefined;
}

export function HeadersPanel({ headers, onChange, problems, error }: HeadersPanelProps) {
  const valueLists = [...new Set(headers.map((row) => row.name.trim().toLowerCase()))].filter((name) => valuesListId(name));
  return (
    <>
      {error ? <InlineMessage tone="error">{error}</InlineMessage> : null}
      <KeyValueTable
        highlightVariables
        label="Headers"
        itemName="header"
        rows={headers}
        onChange={onChange}
        createRow={(id, name, value) => ({ ...createRow({ name, value }), id })}
        nameListId={NAMES_LIST_ID}
        valueListId={(row) => valuesListId(row.name)}
        problems={problems}
        namePlaceholder="Header"
      />
      <datalist id={NAMES_LIST_ID}>
        {COMMON_HEADER_NAMES.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {valueLists.map((name) => (
        <datalist key={name} id={valuesListId(name)}>
          {suggestHeaderValues(name).map((value) => (
            <option key={value} value={value} />
          ))}
        </datalist>
      ))}
    </>
  );
}
