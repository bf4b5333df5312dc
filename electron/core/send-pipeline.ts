import { CourierError, type ErrorCode, type ExchangeTests, type HttpExchange, type HttpRequestSpec } from '../../shared/contract';
import { redactStoredCredentials } from '../../shared/auth';
import { redactExchange, redactText, type VariableLayer } from '../../shared/variables';
import { type AuthService } from '../services/auth';
import { type CredentialStore } from '../services/credentials';
import { type HttpEngine } from '../services/http';
import { displayRequest } from './display-request';
import { evaluateExchangeTests, hasTests, type TestingDeps } from '../services/testing';
import { type HistoryRecorder } from './history-recorder';
import { type RequestPreparer } from './prepare-request';

const NOT_ATTEMPTED: ReadonlySet<ErrorCode> = new Set(['INVALID_INPUT', 'VAULT_LOCKED', 'SECRET_UNREADABLE', 'ENV_NOT_ALLOWED', 'CREDENTIAL_UNAVAILABLE']);

export interface SendPipelineDeps {
  engine: HttpEngine;
  auth: AuthService;
  prepare: RequestPreparer;
  recorder: HistoryRecorder;
  credentials: Pick<CredentialStore, 'stashSpec' | 'canStash'>;
  /** assertions and captures after a response (issue 12); absent: requests' tests are not evaluated */
  tests?: TestingDeps;
}

/**
 * The request's tests against the response, before anything is shown or stored: secret captures must be masked in
 * history's copy of this very response. A failure to run them (the body evicted) is one failed result, not a lost send.
 */
async function runTests(deps: SendPipelineDeps, sent: HttpRequestSpec, exchange: HttpExchange, secrets: readonly string[]): Promise<{ tests?: ExchangeTests; secrets: string[] }> {
  if (!deps.tests || !hasTests(sent.tests)) return { secrets: [] };
  try {
    return await evaluateExchangeTests(exchange, sent.tests, secrets, deps.tests);
  } catch (error) {
    const message = redactText(`Tests could not run: ${error instanceof Error ? error.message : String(error)}`, secrets).slice(0, 4000);
    return { tests: { results: [{ name: 'Tests', outcome: 'failed', message, source: 'assertion' }], captures: [] }, secrets: [] };
  }
}

/**
 * The request as history keeps it: a typed credential goes to the vault and history holds its reference, so Restore
 * and Re-send work; with the vault locked it is masked as before (and a re-send of that is refused, not sent).
 */
export function storedForHistory(composed: HttpRequestSpec, credentials: SendPipelineDeps['credentials']): HttpRequestSpec {
  if (credentials.canStash()) {
    try {
      return credentials.stashSpec(composed);
    } catch {
      // the vault locked in between: fall back to the mask
    }
  }
  return redactStoredCredentials(composed);
}

function redactError(error: CourierError, secrets: readonly string[]): CourierError {
  if (secrets.length === 0) return error;
  const message = redactText(error.message, secrets);
  const detail = error.detail === undefined ? undefined : redactText(error.detail, secrets);
  return message === error.message && detail === error.detail ? error : new CourierError(error.code, message, detail);
}

/**
 * http.send from composition to history: the request prepared (variables, auth), sent (a Digest challenge answered
 * on the way), and every secret value masked in what goes back to the window and into history.
 */
export function createSendPipeline(deps: SendPipelineDeps) {
  const send = async (requestId: string, composed: HttpRequestSpec, inherited: readonly VariableLayer[] = []): Promise<HttpExchange> => {
    const sentAt = Date.now();
    const stored = storedForHistory(composed, deps.credentials);
    let secrets: string[] = [];
    let sent: HttpRequestSpec | null = null;
    try {
      const prepared = await deps.prepare(composed, inherited);
      secrets = prepared.secrets;
      sent = prepared.spec;
      let exchange: HttpExchange;
      const warnings = [...prepared.warnings];
      if (sent.auth.kind === 'digest') {
        const result = await deps.auth.sendWithDigest(requestId, sent, { sensitive: prepared.sensitive, secrets });
        warnings.push(...result.warnings);
        exchange = result.exchange;
      } else {
        exchange = await deps.engine.send(requestId, sent, { sensitive: prepared.sensitive, secrets });
      }
      const tested = await runTests(deps, sent, exchange, secrets);
      // a secret capture's value came from this response: masked in everything that leaves, history's body included
      const masked = tested.secrets.length > 0 ? [...secrets, ...tested.secrets] : secrets;
      const body = tested.secrets.length > 0 ? { ...exchange.body, containsSecret: true } : exchange.body;
      const redacted = redactExchange({ ...exchange, body, warnings: [...warnings, ...exchange.warnings], ...(tested.tests ? { tests: tested.tests } : {}) }, masked);
      // The URL and headers Courier built: masked where a secret went in, not wherever its letters occur.
      const request = displayRequest(exchange.request, exchange.redirects.length > 0, prepared.display, masked);
      const shown = { ...redacted, request: { ...redacted.request, ...request } };
      // In history before the window sees it (see history-recorder.ts): a crash after the answer loses nothing.
      const historyId = await deps.recorder.record({ composed: stored, sent, sentAt: exchange.timings.startedAt, exchange: shown, error: null, secrets: masked });
      return historyId === null ? shown : { ...shown, historyId };
    } catch (error) {
      if (!(error instanceof CourierError)) throw error;
      const safe = redactError(error, secrets);
      // A duplicate request id, or a request stopped at a locked vault, was never sent; everything else is history.
      if (!NOT_ATTEMPTED.has(safe.code)) await deps.recorder.record({ composed: stored, sent, sentAt, exchange: null, error: safe.toBridgeError(), secrets });
      throw safe;
    }
  };

  return {
    send,
    /** whichever inner request is in flight: a Digest retry has an id of its own */
    cancel: (requestId: string): boolean => deps.auth.cancel(requestId) || deps.engine.cancel(requestId),
  };
}
