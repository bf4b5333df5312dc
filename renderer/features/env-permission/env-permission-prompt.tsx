import { useState } from 'react';
import type { HttpRequestSpec } from '../../../shared/contract';
import { readEnvNotAllowed } from '../../../shared/variables';
import type { ExecutionState } from '../../lib/execution-state';
import { useAllowEnv } from './allowed-env-queries';
import './env-permission.css';

interface EnvPermissionPromptProps {
  state: ExecutionState;
  /** sends the request again once the names are allowed */
  onResend: (request: HttpRequestSpec) => void;
}

/**
 * Asked the first time a request uses {{$env.NAME}}: which variables, for which host. Allow adds them to the
 * allow-list (the main process keeps it) and sends again; Deny leaves the request unsent.
 */
export function EnvPermissionPrompt({ state, onResend }: EnvPermissionPromptProps) {
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const allowEnv = useAllowEnv();
  if (state.kind !== 'failed' || dismissed === state.requestId) return null;
  const asked = readEnvNotAllowed(state.error);
  if (asked === null) return null;
  const { request, requestId } = state;
  const plural = asked.names.length > 1;

  const allow = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await allowEnv.mutateAsync(asked.names);
      setDismissed(requestId);
      onResend(request);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="env-permission" role="alertdialog" aria-label="Allow environment variable" aria-describedby={`env-permission-${requestId}`}>
      <p id={`env-permission-${requestId}`}>
        This request (<code>{`${request.method} ${request.url.length > 120 ? `${request.url.slice(0, 120)}…` : request.url}`}</code>) to{' '}
        <strong>{asked.host}</strong> wants the environment variable{plural ? 's' : ''}{' '}
        {asked.names.map((name, index) => (
          <span key={name}>
            {index > 0 ? ', ' : ''}
            <code>{name}</code>
          </span>
        ))}
        . {plural ? 'Their values are' : 'Its value is'} sent as a secret: masked in the window, history and exports.
      </p>
      {failure ? <p role="alert">{failure}</p> : null}
      <span className="env-permission__actions">
        <button type="button" className="env-permission__allow" disabled={busy} onClick={() => void allow()}>
          Allow and send
        </button>
        <button type="button" disabled={busy} onClick={() => setDismissed(requestId)}>
          Deny
        </button>
      </span>
    </div>
  );
}
