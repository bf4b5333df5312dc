import { CourierError, type ErrorCode, type HttpExchange, type HttpRequestSpec } from '../../shared/contract';
import { applySimpleAuth, redactStoredCredentials } from '../../shared/auth';
import { redactExchange, redactText, resolveRequestSpec, type ResolveEnvironment, type VariableLayer } from '../../shared/variables';
import { type AuthService } from '../services/auth';
import { type HttpEngine } from '../services/http';
import { type HistoryRecorder } from './history-recorder';

const NOT_ATTEMPTED: ReadonlySet<ErrorCode> = new Set(['INVALID_INPUT', 'VAULT_LOCKED', 'SECRET_UNREADABLE']);

export interface SendPipelineDeps {
  engine: HttpEngine;
  auth: AuthService;
  /** environment, collection and global variables, highest precedence first (secrets decrypted) */
  layers: () => VariableLayer[];
  resolveEnvironment: ResolveEnvironment;
  recorder: HistoryRecorder;
}

function withHeader(spec: HttpRequestSpec, name: string, value: string): HttpRequestSpec {
  const lower = name.toLowerCase();
  return {
    ...spec,
    headers: [...spec.headers.filter((h) => h.name.trim().toLowerCase() !== lower), { name, value, enabled: true }],
    auth: { kind: 'none' },
  };
}

/** The credentials typed into the auth fields, resolved: hidden wherever they might be echoed back. */
function credentialValues(spec: HttpRequestSpec): string[] {
  const auth = spec.auth;
  switch (auth.kind) {
    case 'basic':
    case 'digest':
      return [auth.password];
    case 'bearer':
      return [auth.token];
    case 'apikey':
      return [auth.value];
    case 'oauth2':
      return [auth.clientSecret];
    case 'none':
      return [];
  }
}

function redactError(error: CourierError, secrets: readonly string[]): CourierError {
  if (secrets.length === 0) return error;
  const message = redactText(error.message, secrets);
  const detail = error.detail === undefined ? undefined : redactText(error.detail, secrets);
  return message === error.message && detail === error.detail ? error : new CourierError(error.code, message, detail);
}

/**
 * http.send from composition to history: variables resolved (secrets decrypted only here), auth applied, the
 * request sent, and every secret value masked in what goes back to the window and into history.
 */
export function createSendPipeline(deps: SendPipelineDeps) {
  const send = async (requestId: string, composed: HttpRequestSpec): Promise<HttpExchange> => {
    const sentAt = Date.now();
    const stored = redactStoredCredentials(composed);
    let secrets: string[] = [];
    let sent: HttpRequestSpec | null = null;
    try {
      const { spec: resolved, resolution } = resolveRequestSpec(composed, deps.layers(), deps.resolveEnvironment);
      secrets = [...resolution.secretValues, ...credentialValues(resolved)].filter((value) => value.length > 0);
      const warnings: string[] = [];
      if (resolution.unresolved.length > 0) {
        const names = resolution.unresolved.map((name) => `{{${name}}}`).join(', ');
        warnings.push(`Not defined, so sent as written: ${names}.`);
      }
      const simple = applySimpleAuth(resolved);
      secrets.push(...simple.derivedSecrets.filter((value) => value.length > 0));
      warnings.push(...simple.warnings);
      let spec = simple.spec;
      let exchange: HttpExchange;
      if (spec.auth.kind === 'oauth2') {
        const token = await deps.auth.accessToken(spec.auth, spec.settings);
        const value = spec.auth.headerPrefix.trim() === '' ? token.accessToken : `${spec.auth.headerPrefix.trim()} ${token.accessToken}`;
        secrets.push(token.accessToken, value);
        warnings.push(...token.warnings);
        spec = withHeader(spec, 'Authorization', value);
        sent = spec;
        exchange = await deps.engine.send(requestId, spec);
      } else if (spec.auth.kind === 'digest') {
        sent = spec;
        const result = await deps.auth.sendWithDigest(requestId, spec);
        warnings.push(...result.warnings);
        exchange = result.exchange;
      } else {
        sent = spec;
        exchange = await deps.engine.send(requestId, spec);
      }
      const shown = redactExchange({ ...exchange, warnings: [...warnings, ...exchange.warnings] }, secrets);
      deps.recorder.record({ composed: stored, sent, sentAt: exchange.timings.startedAt, exchange: shown, error: null, secrets });
      return shown;
    } catch (error) {
      if (!(error instanceof CourierError)) throw error;
      const safe = redactError(error, secrets);
      // A duplicate request id, or a request stopped at a locked vault, was never sent; everything else is history.
      if (!NOT_ATTEMPTED.has(safe.code)) deps.recorder.record({ composed: stored, sent, sentAt, exchange: null, error: safe.toBridgeError(), secrets });
      throw safe;
    }
  };

  return {
    send,
    /** whichever inner request is in flight: a Digest retry has an id of its own */
    cancel: (requestId: string): boolean => deps.auth.cancel(requestId) || deps.engine.cancel(requestId),
  };
}
