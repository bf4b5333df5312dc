import { createRow, type KeyValueRow } from '../../../shared/request';
import { KeyValueTable } from '../../ui';

interface RowsPanelProps {
  label: string;
  itemName: string;
  rows: KeyValueRow[];
  onChange: (rows: KeyValueRow[]) => void;
}

export function RowsPanel({ label, itemName, rows, onChange }: RowsPanelProps) {
  return (
    <KeyValueTable label={label} itemName={itemName} rows={rows} onChange={onChange} createRow={(id, name, value) => ({ ...createRow({ name, value }), id })} />
  );
}
