import { useId } from 'react';
import type { AuthKind } from '../../../shared/contract';
import { AUTH_KIND_LABELS } from '../../../shared/contract/values';
import { formControls } from '../../ui';

const KINDS = Object.keys(AUTH_KIND_LABELS) as AuthKind[];

interface AuthTypePickerProps {
  kind: AuthKind;
  onChange: (kind: AuthKind) => void;
}

export function AuthTypePicker({ kind, onChange }: AuthTypePickerProps) {
  const id = useId();
  return (
    <div className="auth-field">
      <label htmlFor={id} className="auth-field__label">
        Auth type
      </label>
      <div className="auth-field__body">
        <select id={id} className={`${formControls.select} auth-field__select`} value={kind} onChange={(event) => onChange(event.target.value as AuthKind)}>
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
