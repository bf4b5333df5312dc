import { type BridgeError } from '../../../shared/contract';
import { errorAdvice } from '../../../shared/response';

/** A failed request in plain words, with the error code for searching and bug reports. */
export function RequestFailure({ error }: { error: BridgeError }) {
  return (
    <div className="response-failure" role="alert">
      <h2 className="response-failure__title">{errorAdvice(error.code)}</h2>
      <p className="response-failure__message">{error.message}</p>
      {error.detail && <p className="response-failure__detail">{error.detail}</p>}
      <p className="response-failure__code">
        Error code: <code>{error.code}</code>
      </p>
    </div>
  );
}
