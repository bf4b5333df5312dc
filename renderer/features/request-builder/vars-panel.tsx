import { useMemo } from 'react';
import { createRow, validateVariableRows, type KeyValueRow } from '../../../shared/request';
import { KeyValueTable, formControls } from '../../ui';
import { useVariablesState } from '../environments';
import { PrecedenceLine } from './precedence-line';

interface VarsPanelProps {
  variables: KeyValueRow[];
  onChange: (variables: KeyValueRow[]) => void;
}

/** Request-scope variables: the highest precedence, saved with the request (so not for secrets). */
export function VarsPanel({ variables, onChange }: VarsPanelProps) {
  const problems = useMemo(() => validateVariableRows(variables), [variables]);
  const state = useVariablesState().data;
  const environment = state?.environments.find((env) => env.id === state.activeEnvironmentId)?.name ?? null;
  return (
    <>
      <PrecedenceLine environment={environment} />
      <KeyValueTable
        label="Request variables"
        itemName="variable"
        rows={variables}
        onChange={onChange}
        createRow={(id, name, value) => ({ ...createRow({ name, value }), id })}
        problems={problems}
        namePlaceholder="name"
      />
      <p className={formControls.hint}>
        Use them as <code>{'{{name}}'}</code> in the URL, params, headers, body and auth. They are saved with the request in history, so keep secrets in an
        environment instead.
      </p>
    </>
  );
}
