import { CourierError, type CancelReason, type ErrorCode, type ExchangeTests, type HttpExchange, type HttpRequestSpec } from '../../shared/contract';
import { redactStoredCredentials } from '../../shared/auth';
import { nameOfUrl, UNTITLED } from '../../shared/workspace';
import { redactExchange, redactText, type VariableLayer } from '../../shared/variables';
import { type AuthService } from '../services/auth';
import { type CredentialStore } from '../services/credentials';
import { type HttpEngine } from '../services/http';
import { displayRequest } from './display-request';
import { evaluateExchangeTests, hasTests, type TestingDeps } from '../services/testing';
import { type HistoryRecorder } from './history-recorder';
import { type RequestPreparer } from './prepare-request';
import { type ScriptStage, type SendScripts } from './script-stage';
import type { InFlight } from './in-flight';

const NOT_ATTEMPTED: ReadonlySet<ErrorCode> = new Set([
  'SCRIPT_FAILED',
  'INVALID_INPUT',
  'VAULT_LOCKED',
  'SECRET_UNREADABLE',
  'ENV_NOT_ALLOWED',
  'CREDENTIAL_UNAVAILABLE',
]);

interface SendPipelineDeps {
  engine: HttpEngine;
  auth: AuthService;
  prepare: RequestPreparer;
  recorder: HistoryRecorder;
  credentials: Pick<CredentialStore, 'stashSpec' | 'canStash'>;
  /** assertions and captures after a response; absent: requests' tests are not evaluated */
  tests?: TestingDeps;
  /** pre-request and post-response scripts; absent: scripts are not run */
  scripts?: ScriptStage;
  /** sends still running, so closing can wait for their outcome to reach history (see in-flight.ts) */
  inFlight?: InFlight;
}

/**
 * The request's tests against the response, before anything is shown or stored: secret captures must be masked in
 * history's copy of this very response. A failure to run them (the body evicted) is one failed result, not a lost send.
 */
async function runTests(
  deps: SendPipelineDeps,
  sent: HttpRequestSpec,
  exchange: HttpExchange,
  secrets: readonly string[],
): Promise<{ tests?: ExchangeTests; secrets: string[] }> {
  if (!deps.tests || !hasTests(sent.tests)) return { secrets: [] };
  try {
    return await evaluateExchangeTests(exchange, sent.tests, secrets, deps.tests);
  } catch (error) {
    const message = redactText(`Tests could not run: ${error instanceof Error ? error.message : String(error)}`, secrets).slice(0, 4000);
    return { tests: { results: [{ name: 'Tests', outcome: 'failed', message, source: 'assertion' }], captures: [] }, secrets: [] };
  }
}

function maskEverywhere(
  request: Pick<HttpExchange['request'], 'url' | 'headers'>,
  secrets: readonly string[],
): Pick<HttpExchange['request'], 'url' | 'headers'> {
  if (secrets.length === 0) return request;
  return {
    url: redactText(request.url, secrets),
    headers: request.headers.map(([name, value]): [string, string] => [redactText(name, secrets), redactText(value, secrets)]),
  };
}

/**
 * The request as history keeps it: a typed credential goes to the vault and history holds its reference, so Restore
 * and Re-send work; with the vault locked it is masked as before (and a re-send of that is refused, not sent).
 */
function storedForHistory(composed: HttpRequestSpec, credentials: SendPipelineDeps['credentials']): HttpRequestSpec {
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
  const scriptConsole = error.scriptConsole.map((line) => ({ ...line, text: redactText(line.text, secrets) }));
  return new CourierError(error.code, message, detail, scriptConsole);
}

const originOf = (url: string): string | null => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/**
 * Scripts read secret values (they sign requests with them), so a pre-request script from an imported collection
 * could point the request at a host of its own with a secret in it, in any encoding. When a secret is in the scripts'
 * reach, the request must go to the origin it would have gone to without them; otherwise nothing is sent.
 */
async function refuseMovedOrigin(
  deps: SendPipelineDeps,
  composed: HttpRequestSpec,
  inherited: readonly VariableLayer[],
  finalUrl: string,
  requestName: string,
): Promise<void> {
  const unscripted = await deps.prepare(composed, inherited);
  const before = originOf(unscripted.spec.url);
  const after = originOf(finalUrl);
  if (before === after) return;
  throw new CourierError(
    'SCRIPT_FAILED',
    `The pre-request scripts of "${requestName}" moved the request from ${before ?? 'its URL'} to ${after ?? 'another address'} while secret values were within their reach, so it was not sent. Change the URL in the request (or its variables) instead of in a script.`,
  );
}

function unsavedName(spec: HttpRequestSpec): string {
  const name = nameOfUrl(spec.url.split(/[?#]/, 1)[0] ?? '');
  return name === UNTITLED ? name : `${spec.method} ${name}`;
}

/**
 * http.send from composition to history: the request prepared (variables, auth), sent (a Digest challenge answered
 * on the way), and every secret value masked in what goes back to the window and into history.
 */
export function createSendPipeline(deps: SendPipelineDeps) {
  const run = async (
    requestId: string,
    composed: HttpRequestSpec,
    inherited: readonly VariableLayer[] = [],
    given?: Partial<SendScripts>,
  ): Promise<HttpExchange> => {
    // an unsaved request is named as its tab shows it ("GET /status/200"), query left out, so a script error names it
    const scripts: SendScripts = { requestName: unsavedName(composed), chain: [], ...given };
    const sentAt = Date.now();
    // history keeps the request as the user wrote it: a re-send runs its scripts again
    const stored = storedForHistory(composed, deps.credentials);
    let secrets: string[] = [];
    let sent: HttpRequestSpec | null = null;
    // the body bytes the engine sent, for history (undefined: it sent nothing)
    let sentBody: Buffer | null | undefined;
    const onRequestBody = (bytes: Buffer | null) => {
      sentBody = bytes;
    };
    // Session cookies the jar sent or a response set: secrets of this exchange from here on (masked in what is shown,
    // stored and reported), kept apart from the request's own secrets, which decide which cookies the jar may keep.
    const cookieSecrets: string[] = [];
    const onCookieSecrets = (values: readonly string[]) => {
      cookieSecrets.push(...values);
    };
    try {
      const before = deps.scripts ? await deps.scripts.beforeSend(composed, scripts, inherited, requestId) : null;
      const prepared = await deps.prepare(before?.spec ?? composed, inherited);
      secrets = [...prepared.secrets, ...(before?.secrets ?? [])];
      if (before && before.spec !== composed && before.secrets.length > 0)
        await refuseMovedOrigin(deps, composed, inherited, prepared.spec.url, scripts.requestName);
      sent = prepared.spec;
      let exchange: HttpExchange;
      const warnings = [...prepared.warnings];
      if (sent.auth.kind === 'digest') {
        const result = await deps.auth.sendWithDigest(requestId, sent, { sensitive: prepared.sensitive, secrets, onRequestBody, onCookieSecrets });
        warnings.push(...result.warnings);
        exchange = result.exchange;
      } else {
        exchange = await deps.engine.send(requestId, sent, { sensitive: prepared.sensitive, secrets, onRequestBody, onCookieSecrets });
      }
      secrets = [...secrets, ...cookieSecrets];
      const after = deps.scripts ? await deps.scripts.afterResponse(exchange, sent, composed, scripts, inherited, before?.local ?? {}) : null;
      const scriptConsole = [...(before?.console ?? []), ...(after?.console ?? [])].map((line) => ({ ...line, text: redactText(line.text, secrets) }));
      const scriptTests = (after?.tests ?? []).map((test) => ({
        ...test,
        name: redactText(test.name, secrets),
        ...(test.message === undefined ? {} : { message: redactText(test.message, secrets) }),
      }));
      // postman.setNextRequest in either kind of script, the post-response one last: the runner's next request
      const nextRequest = after?.nextRequest !== undefined ? after.nextRequest : before?.nextRequest;
      const withScripts = {
        ...exchange,
        ...(scriptConsole.length > 0 ? { scriptConsole } : {}),
        ...(nextRequest !== undefined ? { nextRequest: nextRequest?.slice(0, 1000) ?? null } : {}),
      };
      const tested = await runTests(deps, sent, exchange, secrets);
      // one list, as in Postman's Test Results: the Tests tab's rows first, then the scripts' pm.test in the order they ran
      const tests =
        tested.tests || scriptTests.length > 0 ? { results: [...(tested.tests?.results ?? []), ...scriptTests], captures: tested.tests?.captures ?? [] } : null;
      // a secret capture's value came from this response: masked in everything that leaves, history's body included
      const masked = tested.secrets.length > 0 ? [...secrets, ...tested.secrets] : secrets;
      const body = tested.secrets.length > 0 ? { ...exchange.body, containsSecret: true } : exchange.body;
      const redacted = redactExchange({ ...withScripts, body, warnings: [...warnings, ...exchange.warnings], ...(tests ? { tests } : {}) }, masked);
      // The URL and headers Courier built: masked where a secret went in, not wherever its letters occur.
      const built = displayRequest(exchange.request, exchange.redirects.length > 0, prepared.display, masked);
      // A secret a pre-request script wrote into the request is in the twin too (the twin is built after the script),
      // so the positional rule would keep it whole: those values are masked wherever they occur, as before.
      const request = maskEverywhere(built, before?.secrets ?? []);
      const shown = { ...redacted, request: { ...redacted.request, ...request } };
      // In history before the window sees it (see history-recorder.ts): a crash after the answer loses nothing.
      const historyId = await deps.recorder.record({
        composed: stored,
        sentBody,
        sentAt: exchange.timings.startedAt,
        exchange: shown,
        error: null,
        secrets: masked,
        savedPath: scripts.workspacePath,
      });
      return historyId === null ? shown : { ...shown, historyId };
    } catch (error) {
      if (!(error instanceof CourierError)) throw error;
      // the send may have failed after a hop carried or set a session cookie (a redirect loop, a timeout)
      secrets = [...new Set([...secrets, ...cookieSecrets])];
      const safe = redactError(error, secrets);
      // A duplicate request id, or a request stopped at a locked vault, was never sent; everything else is history.
      if (!NOT_ATTEMPTED.has(safe.code))
        await deps.recorder.record({
          composed: stored,
          sentBody,
          sentAt,
          exchange: null,
          error: safe.toBridgeError(),
          secrets,
          savedPath: scripts.workspacePath,
        });
      throw safe;
    }
  };

  const send = (...args: Parameters<typeof run>): Promise<HttpExchange> => (deps.inFlight ? deps.inFlight.track(run(...args)) : run(...args));

  return {
    send,
    /** whichever inner request is in flight: a Digest retry has an id of its own; or its scripts' pm.sendRequest */
    cancel: (requestId: string, reason: CancelReason = 'user'): boolean =>
      deps.auth.cancel(requestId) || deps.engine.cancel(requestId, reason) || (deps.scripts?.cancel(requestId) ?? false),
  };
}
