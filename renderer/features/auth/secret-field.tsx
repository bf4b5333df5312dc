import { useId, useState, type ReactNode } from 'react';
import { isReferenceOnly } from '../../../shared/request';
import { weakSecretWarning } from '../../../shared/variables';
import { VariableTextInput, Button, formControls } from '../../ui';
import { RevealButton, StoredCredentialNote, storedFieldValue } from './stored-credential-note';
import { useCredentialReveal } from './use-credential-reveal';
import field from './auth-field.module.css';

interface SecretFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  hint?: ReactNode;
}

/**
 * A password-like setting: dots until the user asks to see it. Shown, it highlights {{variables}} like the other
 * fields. A value that is only {{references}} has nothing of its own to hide (a secret variable stays in the vault),
 * so it is shown as it is, with its highlighting and tooltip. The toggle keeps one name ("Show password") and says
 * its state with aria-pressed.
 *
 * A credential kept in the vault ({{$credential.<id>}}, written when a typed one was saved) shows as "Stored in the
 * vault": typing replaces it, and Reveal asks for the value. The input stays the same element either way, so the
 * first keystroke does not lose focus.
 */
export function SecretField({ label, value, onChange, placeholder, hint }: SecretFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const [shown, setShown] = useState(false);
  const reveal = useCredentialReveal(value);
  const stored = reveal.stored;
  const onlyReferences = !stored && isReferenceOnly(value);
  const lower = label.toLowerCase();
  const weak = stored ? null : weakSecretWarning(value);
  const shownHint = stored ? (
    <StoredCredentialNote label={label} reveal={reveal} />
  ) : weak ? (
    hint ? (
      <>
        {hint} {weak}
      </>
    ) : (
      weak
    )
  ) : (
    hint
  );
  return (
    <div className={field.field}>
      <label htmlFor={id} className={field.label}>
        {label}
      </label>
      <div className={field.body}>
        <div className={field.row}>
          <VariableTextInput
            id={id}
            masked={!shown && !onlyReferences && reveal.text === null}
            containerClassName={field.grow}
            className={`${formControls.input} ${field.input} ${field.mono}`}
            value={storedFieldValue(reveal, value)}
            placeholder={stored ? 'Stored in the vault' : placeholder}
            spellCheck={false}
            autoComplete="off"
            aria-describedby={shownHint ? hintId : undefined}
            onChange={(event) => onChange(event.target.value)}
          />
          {stored ? (
            <RevealButton label={label} reveal={reveal} />
          ) : (
            <Button
              className={field.toggle}
              aria-pressed={shown || onlyReferences}
              disabled={onlyReferences}
              title={onlyReferences ? `The ${lower} comes from variables: nothing here to hide` : shown ? `Hide the ${lower}` : `Show the ${lower}`}
              onClick={() => setShown((current) => !current)}
            >
              {/* named by its text, not aria-label, so only the field itself is labelled "Password" (finding 17) */}
              Show<span className="visually-hidden"> {lower}</span>
            </Button>
          )}
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
