import { useId, useState, type ReactNode } from 'react';
import { isReferenceOnly } from '../../../shared/request';
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
 */
export function SecretField({ label, value, onChange, placeholder, hint }: SecretFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const [shown, setShown] = useState(false);
  const onlyReferences = isReferenceOnly(value);
  const lower = label.toLowerCase();
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
            value={value}
            placeholder={placeholder}
            spellCheck={false}
            autoComplete="off"
            aria-describedby={hint ? hintId : undefined}
            onChange={(event) => onChange(event.target.value)}
          />
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
        </div>
        {hint ? (
          <p id={hintId} className="auth-field__hint">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}
