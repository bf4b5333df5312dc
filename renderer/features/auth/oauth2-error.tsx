import type { BridgeError } from '../../../shared/contract';

/** An OAuth failure as the server (or the main process) put it: the message, then the server's answer verbatim. */
export function OAuth2Error({ error }: { error: BridgeError }) {
  return (
    <div role="alert" className="ui-inline-message ui-inline-message--error auth-error">
      <p className="auth-error__message">{error.message}</p>
      {error.detail ? <pre className="auth-error__detail">{error.detail}</pre> : null}
    </div>
  );
}
