import { useId, type ReactNode } from 'react';
import { VariableTextInput, formControls } from '../../ui';
import { RevealButton, StoredCredentialNote, storedFieldValue } from './stored-credential-note';
import { useCredentialReveal } from './use-credential-reveal';
import field from './auth-field.module.css';

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

/**
 * One labelled text setting of the Auth tab; {{variables}} in it are highlighted. A credential kept in the vault (a
 * saved Bearer token or API key value) shows as "Stored in the vault" with Reveal, in the same input element, so
 * typing over it keeps focus.
 */
export function AuthTextField({ label, value, onChange, placeholder, hint, mono = true }: AuthTextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const reveal = useCredentialReveal(value);
  const shownHint = reveal.stored ? <StoredCredentialNote label={label} reveal={reveal} /> : hint;
  return (
    <div className={field.field}>
      <label htmlFor={id} className={field.label}>
        {label}
      </label>
      <div className={field.body}>
        <div className={field.row}>
          <VariableTextInput
            id={id}
            containerClassName={field.grow}
            className={mono ? `${formControls.input} ${field.input} ${field.mono}` : `${formControls.input} ${field.input}`}
            value={storedFieldValue(reveal, value)}
            placeholder={reveal.stored ? 'Stored in the vault' : placeholder}
            spellCheck={false}
            autoComplete="off"
            aria-describedby={shownHint ? hintId : undefined}
            onChange={(event) => onChange(event.target.value)}
          />
          {reveal.stored ? <RevealButton label={label} reveal={reveal} /> : null}
        </div>
        {shownHint ? (
          <p id={hintId} className={field.hint}>
            {shownHint}
          </p>
        ) : null}
        {reveal.error !== null ? (
          <p className={`${field.hint} ${field.hintError}`} role="alert">
            {reveal.error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
