import { CourierError, type ErrorCode, type HttpExchange, type HttpRequestSpec } from '../../shared/contract';
import { redactStoredCredentials } from '../../shared/auth';
import { redactExchange, redactText, type VariableLayer } from '../../shared/variables';
import { type AuthService } from '../services/auth';
import { type CredentialStore } from '../services/credentials';
import { type HttpEngine } from '../services/http';
import { type HistoryRecorder } from './history-recorder';
import { type RequestPreparer } from './prepare-request';
import { type ScriptStage, type SendScripts } from './script-stage';

const NOT_ATTEMPTED: ReadonlySet<ErrorCode> = new Set(['SCRIPT_FAILED', 'INVALID_INPUT', 'VAULT_LOCKED', 'SECRET_UNREADABLE', 'ENV_NOT_ALLOWED', 'CREDENTIAL_UNAVAILABLE']);

export interface SendPipelineDeps {
  engine: HttpEngine;
  auth: AuthService;
  prepare: RequestPreparer;
  recorder: HistoryRecorder;
  credentials: Pick<CredentialStore, 'stashSpec' | 'canStash'>;
  /** pre-request and post-response scripts (issue 12); absent: scripts are not run */
  scripts?: ScriptStage;
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
  const send = async (
    requestId: string,
    composed: HttpRequestSpec,
    inherited: readonly VariableLayer[] = [],
    scripts: SendScripts = { requestName: 'Untitled request', chain: [] },
  ): Promise<HttpExchange> => {
    const sentAt = Date.now();
    // history keeps the request as the user wrote it: a re-send runs its scripts again
    const stored = storedForHistory(composed, deps.credentials);
    let secrets: string[] = [];
    let sent: HttpRequestSpec | null = null;
    try {
      const before = deps.scripts ? await deps.scripts.beforeSend(composed, scripts, inherited, requestId) : null;
      const prepared = await deps.prepare(before?.spec ?? composed, inherited);
      secrets = [...prepared.secrets, ...(before?.secrets ?? [])];
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
      const after = deps.scripts ? await deps.scripts.afterResponse(exchange, sent, composed, scripts, inherited, before?.local ?? {}) : null;
      const scriptConsole = [...(before?.console ?? []), ...(after?.console ?? [])].map((line) => ({ ...line, text: redactText(line.text, secrets) }));
      const testResults = (after?.tests ?? []).map((test) => ({ ...test, name: redactText(test.name, secrets), ...(test.message === undefined ? {} : { message: redactText(test.message, secrets) }) }));
      const withScripts = { ...exchange, ...(after && testResults.length > 0 ? { testResults } : {}), ...(scriptConsole.length > 0 ? { scriptConsole } : {}) };
      const shown = redactExchange({ ...withScripts, warnings: [...warnings, ...exchange.warnings] }, secrets);
      // In history before the window sees it (see history-recorder.ts): a crash after the answer loses nothing.
      await deps.recorder.record({ composed: stored, sent, sentAt: exchange.timings.startedAt, exchange: shown, error: null, secrets });
      return shown;
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
