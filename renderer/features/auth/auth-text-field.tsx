import { useId, type ReactNode } from 'react';
import { VariableTextInput } from '../../ui';

interface AuthTextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  /** a short note under the field */
  hint?: ReactNode;
  /** URLs and identifiers read better in the monospace font */
  mono?: boolean;
}

/** One labelled text setting of the Auth tab; {{variables}} in it are highlighted. */
export function AuthTextField({ label, value, onChange, placeholder, hint, mono = true }: AuthTextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="auth-field">
      <label htmlFor={id} className="auth-field__label">
        {label}
      </label>
      <div className="auth-field__body">
        <VariableTextInput
          id={id}
          className={mono ? 'rb-input auth-field__input auth-field__input--mono' : 'rb-input auth-field__input'}
          value={value}
          placeholder={placeholder}
          spellCheck={false}
          autoComplete="off"
          aria-describedby={hint ? hintId : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
        {hint ? (
          <p id={hintId} className="auth-field__hint">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}
