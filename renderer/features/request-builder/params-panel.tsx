import { createRow, type ParamRow } from '../../../shared/request';
import { KeyValueTable, formControls } from '../../ui';

interface ParamsPanelProps {
  params: ParamRow[];
  onChange: (params: ParamRow[]) => void;
}

export function ParamsPanel({ params, onChange }: ParamsPanelProps) {
  return (
    <>
      <KeyValueTable
        highlightVariables
        label="Query parameters"
        itemName="parameter"
        rows={params}
        onChange={onChange}
        createRow={(id, name, value): ParamRow => ({ ...createRow({ name, value }), id })}
      />
      <p className={formControls.hint}>Parameters stay in step with the URL. Unchecked ones are kept here but left out of the URL.</p>
    </>
  );
}
