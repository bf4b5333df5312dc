import type { HttpRequestSpec } from '../../../shared/contract';
import type { ExecutionState } from '../../lib/execution-state';
import { EnvPermissionNotice } from './env-permission-notice';

interface EnvPermissionPromptProps {
  state: ExecutionState;
  /** sends the request again once the names are allowed */
  onResend: (request: HttpRequestSpec) => void;
}

/** The first time an HTTP request uses {{$env.NAME}}: Allow adds the names and sends again. */
export function EnvPermissionPrompt({ state, onResend }: EnvPermissionPromptProps) {
  if (state.kind !== 'failed') return null;
  const { request } = state;
  return (
    <EnvPermissionNotice
      error={state.error}
      subject={
        <>
          This request (<code>{`${request.method} ${request.url.length > 120 ? `${request.url.slice(0, 120)}…` : request.url}`}</code>)
        </>
      }
      allowLabel="Allow and send"
      onAllowed={() => onResend(request)}
    />
  );
}
