import { useId, useState } from 'react';
import { loopbackRedirectUri, parsePort } from '../../../shared/request';
import { formControls } from '../../ui';
import field from './auth-field.module.css';

interface RedirectPortFieldProps {
  port: number;
  onChange: (port: number) => void;
}

/** The loopback port for the authorization code redirect; keeps what is typed while it is not a port yet. */
export function RedirectPortField({ port, onChange }: RedirectPortFieldProps) {
  const id = useId();
  const [text, setText] = useState(port === 0 ? '' : String(port));
  const parsed = parsePort(text);
  return (
    <div className={field.field}>
      <label htmlFor={id} className={field.label}>
        Redirect port
      </label>
      <div className={field.body}>
        <input
          id={id}
          type="text"
          inputMode="numeric"
          className={`${formControls.input} ${field.input} ${field.mono} ${field.port}`}
          value={text}
          placeholder="any"
          aria-invalid={parsed === null || undefined}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          onChange={(event) => {
            setText(event.target.value);
            const next = parsePort(event.target.value);
            if (next !== null) onChange(next);
          }}
        />
        <p id={`${id}-hint`} className={parsed === null ? `${field.hint} ${field.hintError}` : field.hint} role={parsed === null ? 'alert' : undefined}>
          {parsed === null ? (
            'A port is a whole number from 0 to 65535; empty means any free port.'
          ) : (
            <>
              Redirect URI: <code>{loopbackRedirectUri(parsed)}</code>. Leave empty for any free port, if the server allows it.
            </>
          )}
        </p>
      </div>
    </div>
  );
}
