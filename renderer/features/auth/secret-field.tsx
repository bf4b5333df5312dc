import { useId, useState, type ReactNode } from 'react';
import { parseCredentialRef } from '../../../shared/auth';
import { isReferenceOnly } from '../../../shared/request';
import { call } from '../../lib/bridge';
import { VariableTextInput } from '../../ui';

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
 * vault": typing replaces it, and Reveal asks the main process for the value, as the environment editor does. The
 * input stays the same element either way, so the first keystroke does not lose focus.
 */
export function SecretField({ label, value, onChange, placeholder, hint }: SecretFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const [shown, setShown] = useState(false);
  const [revealed, setRevealed] = useState<{ reference: string; text: string; error: boolean } | null>(null);
  const stored = parseCredentialRef(value) !== null;
  const onlyReferences = !stored && isReferenceOnly(value);
  const lower = label.toLowerCase();
  const revealedNow = revealed !== null && revealed.reference === value ? revealed : null;

  const reveal = () => {
    if (revealedNow !== null) {
      setRevealed(null);
      return;
    }
    call('credentials.reveal', { reference: value })
      .then((result) => setRevealed({ reference: value, text: result.value, error: false }))
      .catch((error: unknown) => setRevealed({ reference: value, text: error instanceof Error ? error.message : String(error), error: true }));
  };

  const storedHint = stored ? (
    <>
      Stored in the vault (the request file holds only a reference). Type to replace it.
      {revealedNow && !revealedNow.error ? (
        <>
          {' '}
          <code aria-label={`Revealed ${lower}`}>{revealedNow.text}</code>
        </>
      ) : null}
    </>
  ) : null;
  const shownHint = storedHint ?? hint;
  return (
    <div className="auth-field">
      <label htmlFor={id} className="auth-field__label">
        {label}
      </label>
      <div className="auth-field__body">
        <div className="auth-field__row">
          <VariableTextInput
            id={id}
            masked={!shown && !onlyReferences}
            containerClassName="auth-field__grow"
            className="rb-input auth-field__input auth-field__input--mono"
            value={stored ? '' : value}
            placeholder={stored ? 'Stored in the vault' : placeholder}
            spellCheck={false}
            autoComplete="off"
            aria-describedby={shownHint ? hintId : undefined}
            onChange={(event) => onChange(event.target.value)}
          />
          {stored ? (
            <button
              type="button"
              className={revealedNow ? 'rb-button auth-field__toggle auth-field__toggle--on' : 'rb-button auth-field__toggle'}
              aria-pressed={revealedNow !== null}
              aria-label={`Reveal ${lower}`}
              title={revealedNow ? `Hide the ${lower}` : `Show the ${lower} kept in the vault`}
              onClick={reveal}
            >
              Reveal
            </button>
          ) : (
            <button
              type="button"
              className={shown ? 'rb-button auth-field__toggle auth-field__toggle--on' : 'rb-button auth-field__toggle'}
              aria-pressed={shown || onlyReferences}
              aria-label={`Show ${lower}`}
              disabled={onlyReferences}
              title={onlyReferences ? `The ${lower} comes from variables: nothing here to hide` : shown ? `Hide the ${lower}` : `Show the ${lower}`}
              onClick={() => setShown((current) => !current)}
            >
              Show
            </button>
          )}
        </div>
        {shownHint ? (
          <p id={hintId} className="auth-field__hint">
            {shownHint}
          </p>
        ) : null}
        {revealedNow?.error ? (
          <p className="auth-field__hint auth-field__hint--error" role="alert">
            {revealedNow.text}
          </p>
        ) : null}
      </div>
    </div>
  );
}
