import { useId } from 'react';
import type { AuthKind } from '../../../shared/contract';
import { AUTH_KIND_LABELS } from '../../../shared/contract/values';
import { formControls } from '../../ui';
import field from './auth-field.module.css';

const KINDS = Object.keys(AUTH_KIND_LABELS) as AuthKind[];

interface AuthTypePickerProps {
  kind: AuthKind;
  onChange: (kind: AuthKind) => void;
}

export function AuthTypePicker({ kind, onChange }: AuthTypePickerProps) {
  const id = useId();
  return (
    <div className={field.field}>
      <label htmlFor={id} className={field.label}>
        Auth type
      </label>
      <div className={field.body}>
        <select id={id} className={`${formControls.select} ${field.select}`} value={kind} onChange={(event) => onChange(event.target.value as AuthKind)}>
          {KINDS.map((value) => (
            <option key={value} value={value}>
              {AUTH_KIND_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
