import { CourierError, httpRequestSpecSchema, type HttpExchange, type HttpRequestSpec, type RequestBody, type RequestSettings } from '../../shared/contract';
import { formatBytes } from '../../shared/response';
import type { VariableLayer } from '../../shared/variables';
import { type HttpEngine } from '../services/http';
import { SEND_REQUEST_LIMITS, type ScriptSendHandler, type ScriptSendRequest, type ScriptSendResult } from '../services/scripts';
import { type RequestPreparer } from './prepare-request';

export interface ScriptSenderDeps {
  engine: Pick<HttpEngine, 'send' | 'cancel'>;
  prepare: RequestPreparer;
  /** the response body's first `max` bytes */
  readBody: (bodyId: string, max: number) => Promise<Uint8Array>;
  releaseBody: (bodyId: string) => Promise<unknown>;
}

/** One send's scripts: what their pm.sendRequest calls may reach and how they are sent. */
export interface ScriptSendContext {
  /** the send's request id: sub-requests are `<id>/sendRequest-<n>` */
  parentId: string;
  /** the origin of the request the scripts belong to: the one origin pm.sendRequest may reach (null: none) */
  origin: () => Promise<string | null>;
  /** the request's own settings (TLS, redirects, timeouts), with the timeout and sizes capped for scripts */
  settings: RequestSettings;
  inherited: readonly VariableLayer[];
  /** secret values a sub-request carried: what the scripts print is masked with them too */
  onSecrets: (values: readonly string[]) => void;
}

/** scheme, host and port; null for anything the engine would not send (it speaks http and https only) */
export function httpOrigin(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

function headerValue(request: ScriptSendRequest, name: string): string | undefined {
  return request.headers.find((h) => h.key.toLowerCase() === name)?.value;
}

function bodyOf(request: ScriptSendRequest): RequestBody {
  const body = request.body;
  if (body === null) return { kind: 'none' };
  if (body.mode === 'urlencoded') return { kind: 'form', fields: body.fields.map((f) => ({ name: f.key, value: f.value, enabled: true })) };
  if (body.mode === 'formdata')
    return { kind: 'multipart', parts: body.fields.map((f) => ({ kind: 'text' as const, name: f.key, value: f.value, enabled: true })) };
  if (body.mode !== 'raw') return { kind: 'none' };
  const contentType = headerValue(request, 'content-type');
  if (body.language === 'json' || (contentType !== undefined && /\bjson\b/i.test(contentType))) return { kind: 'json', text: body.raw };
  return { kind: 'text', text: body.raw, contentType: contentType ?? 'text/plain' };
}

const bodyBytes = (request: ScriptSendRequest): number =>
  request.body === null
    ? 0
    : request.body.mode === 'raw'
      ? Buffer.byteLength(request.body.raw)
      : request.body.fields.reduce((n, f) => n + Buffer.byteLength(f.key) + Buffer.byteLength(f.value), 0);

/** the script's request as a spec: no auth of its own (as in Postman), the parent's settings with the scripts' caps */
function toSpec(request: ScriptSendRequest, settings: RequestSettings): HttpRequestSpec {
  const cap = SEND_REQUEST_LIMITS.bodyBytes;
  const deadlineMs = settings.deadlineMs > 0 ? Math.min(settings.deadlineMs, SEND_REQUEST_LIMITS.timeoutMs) : SEND_REQUEST_LIMITS.timeoutMs;
  return httpRequestSpecSchema.parse({
    method: request.method,
    url: request.url,
    headers: request.headers.map((h) => ({ name: h.key, value: h.value, enabled: true })),
    body: bodyOf(request),
    auth: { kind: 'none' },
    // redirects are followed here, within the origin only (followWithin)
    settings: {
      ...settings,
      followRedirects: false,
      deadlineMs,
      maxResponseBytes: Math.min(settings.maxResponseBytes, cap),
      maxDecodedBytes: Math.min(settings.maxDecodedBytes, cap),
    },
  });
}

const failed = (message: string): ScriptSendResult => ({ ok: false, message });

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * The next request when the answer is a redirect to the same origin, else null (the script gets the 3xx itself): a
 * redirect from the allowed origin to another must not carry what the script put in the request (a body with a
 * secret in it, in a spelling no mask knows) to a host the script could not have reached directly.
 */
function redirectWithin(spec: HttpRequestSpec, exchange: HttpExchange, origin: string): HttpRequestSpec | null {
  if (!REDIRECTS.has(exchange.response.status)) return null;
  const location = exchange.response.headers.find(([name]) => name.toLowerCase() === 'location')?.[1];
  if (location === undefined) return null;
  let next: URL;
  try {
    next = new URL(location, exchange.request.url);
  } catch {
    return null;
  }
  if (next.origin !== origin) return null;
  const status = exchange.response.status;
  // as browsers do: 303 always, and 301/302 after a POST, become a GET without a body
  const method = status === 303 || ((status === 301 || status === 302) && spec.method === 'POST') ? 'GET' : spec.method;
  return { ...spec, url: next.href, params: [], method, ...(method === spec.method ? {} : { body: { kind: 'none' as const } }) };
}

/**
 * pm.sendRequest through Courier's own engine and preparer ({{variables}} and secrets resolved as for Send), for the
 * scripts of one send. Only the request's own origin may be reached: a collection imported from anywhere must not be
 * able to carry the secrets it can read to a host of its own. Sub-requests are not written to history; their bodies
 * are released as soon as they are read.
 */
export function createScriptSender(deps: ScriptSenderDeps, context: ScriptSendContext): ScriptSendHandler {
  let seq = 0;
  return async (request, signal) => {
    if (bodyBytes(request) > SEND_REQUEST_LIMITS.bodyBytes)
      return failed(`pm.sendRequest(): the request body is larger than ${formatBytes(SEND_REQUEST_LIMITS.bodyBytes)}.`);
    let prepared;
    try {
      prepared = await deps.prepare(toSpec(request, context.settings), context.inherited);
    } catch (error) {
      return failed(error instanceof CourierError ? `pm.sendRequest(): ${error.message}` : 'pm.sendRequest(): the request could not be prepared.');
    }
    context.onSecrets(prepared.secrets);
    const target = httpOrigin(prepared.spec.url);
    if (target === null) return failed(`pm.sendRequest(): "${prepared.spec.url.slice(0, 200)}" is not an http:// or https:// URL.`);
    const allowed = await context.origin();
    if (target !== allowed) return failed(`pm.sendRequest to ${target} is not allowed: only ${allowed ?? "the request's own origin"}`);
    seq += 1;
    let id = `${context.parentId}/sendRequest-${seq}`;
    const cancel = () => deps.engine.cancel(id);
    signal.addEventListener('abort', cancel, { once: true });
    try {
      let spec = prepared.spec;
      let exchange: HttpExchange;
      for (let hop = 0; ; hop++) {
        if (signal.aborted) return failed('The request was cancelled.');
        if (hop > 0) id = `${context.parentId}/sendRequest-${seq}.${hop}`;
        exchange = await deps.engine.send(id, spec, { sensitive: prepared.sensitive, secrets: prepared.secrets, onCookieSecrets: context.onSecrets });
        const next = context.settings.followRedirects && hop < context.settings.maxRedirects ? redirectWithin(spec, exchange, target) : null;
        if (next === null) break;
        await deps.releaseBody(exchange.body.id);
        spec = next;
      }
      try {
        const bytes = await deps.readBody(exchange.body.id, SEND_REQUEST_LIMITS.bodyBytes);
        return {
          ok: true,
          response: {
            code: exchange.response.status,
            status: exchange.response.statusText,
            headers: exchange.response.headers.map(([key, value]) => ({ key, value })),
            body: Buffer.from(bytes).toString('utf8'),
            responseTime: Math.round(exchange.timings.total),
            size: exchange.sizes.responseBodyBytes,
            headerSize: exchange.sizes.responseHeaderBytes,
          },
        };
      } finally {
        await deps.releaseBody(exchange.body.id);
      }
    } catch (error) {
      return failed(error instanceof CourierError ? error.message : 'pm.sendRequest(): something went wrong inside Courier while sending the request.');
    } finally {
      signal.removeEventListener('abort', cancel);
    }
  };
}
