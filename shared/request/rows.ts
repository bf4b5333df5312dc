/** One editable row of a key/value table (params, headers, form fields). */
export interface KeyValueRow {
  /** stable React key; never sent */
  id: string;
  name: string;
  value: string;
  enabled: boolean;
}

let counter = 0;

/** Row ids only need to be unique within one window's lifetime. */
export function createRowId(): string {
  counter += 1;
  return `row-${counter}`;
}

export function createRow(partial: Partial<Omit<KeyValueRow, 'id'>> = {}): KeyValueRow {
  return { id: createRowId(), name: '', value: '', enabled: true, ...partial };
}

/** A row the user has not typed anything into does not count, whatever its checkbox says. */
export function isBlankRow(row: { name: string; value: string }): boolean {
  return row.name === '' && row.value === '';
}
