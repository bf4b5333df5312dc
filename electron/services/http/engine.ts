import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import {
  CourierError,
  type CancelReason,
  type HttpExchange,
  type HttpProgress,
  type HttpRequestSpec,
  type HttpSse,
  type RedirectHop,
} from '../../../shared/contract';
import { formatDuration, timeoutSettingNote } from '../../../shared/request';
import { type BodyStore } from '../body-store';
import { jarCookieSecrets, keepableSetCookies, setCookieSecrets, withJarCookies, type CookieJar } from '../cookies';
import { composeRequest } from './compose-request';
import { createConnectionPool } from './connection-pool';
import { type ResolveHost } from './connector';
import { isStaleConnectionFailure, runHop, type HopDeps, type HopResult } from './hop';
import { warmUpHttpParser } from './parser-warmup';
import { ProgressReporter } from './progress';
import { createSseTap } from './sse-tap';
import { followRedirect, isRedirectStatus, resolveLocation, type HopRequest, type SensitiveParts } from './redirects';
import { headerListFromHead, headerValue, responseHead } from './wire-format';

export interface SendOptions {
  /** headers and query parameters that carry a credential or a secret: never sent on to another origin */
  sensitive?: SensitiveParts;
  /** plain values the request carries; the response body is watched for them as it arrives (BodyRef.containsSecret) */
  secrets?: readonly string[];
  /**
   * the body exactly as it goes on the wire (multipart boundary included; null: none), before the first byte is
   * sent: history keeps these bytes rather than encoding the request a second time
   */
  onRequestBody?: (bytes: Buffer | null) => void;
  /**
   * values of the session cookies this send carried from the jar or a response set (services/cookies/cookie-secrets),
   * each once, as soon as they are known: the caller masks them as secrets of the exchange
   */
  onCookieSecrets?: (values: readonly string[]) => void;
}

export interface HttpEngine {
  /** Rejects only with a CourierError (typed code and a message for the user). */
  send(requestId: string, spec: HttpRequestSpec, options?: SendOptions): Promise<HttpExchange>;
  /** true when a request with that id was in flight; a live event stream ends complete, saying why (`reason`) */
  cancel(requestId: string, reason?: CancelReason): boolean;
  close(): Promise<void>;
}

export interface HttpEngineOptions {
  bodyStore: BodyStore;
  /** default User-Agent header, e.g. "Courier/0.1.0" */
  userAgent: string;
  /** phase changes at once, byte counts at most every 100 ms per request */
  onProgress?: (progress: HttpProgress) => void;
  /** checked after DNS, before connecting; true → SELF_REQUEST_REFUSED */
  isRefusedAddress?: (address: string, port: number) => boolean;
  /** replaces the system resolver (tests use it to stall or fail DNS) */
  resolveHost?: ResolveHost;
  /** PEM certificates trusted in addition to the system roots */
  extraCaCertificates?: string[];
  /** events of a text/event-stream response while it arrives, batched */
  onSse?: (batch: HttpSse) => void;
  /** the cookie jar every hop reads and fills (requests with settings.useCookieJar); absent: no cookies kept */
  cookies?: CookieJar;
}

interface InFlight {
  progress: ProgressReporter;
  aborted: CourierError | null;
  abortHop: ((error: CourierError) => void) | null;
  /** set while a text/event-stream body is arriving: Cancel then ends it as a complete response */
  stopStream: ((reason: CancelReason) => boolean) | null;
}

const SEND_HEADERS_CHANNEL = 'undici:client:sendHeaders';

export function createHttpEngine(options: HttpEngineOptions): HttpEngine {
  const pool = createConnectionPool({
    isRefusedAddress: options.isRefusedAddress,
    resolveHost: options.resolveHost,
    extraCaCertificates: options.extraCaCertificates,
  });
  const inFlight = new Map<string, InFlight>();
  let closed = false;

  // undici publishes the exact head it writes (host, connection and all); the socket tells us which hop it was.
  const onSendHeaders = (message: unknown): void => {
    const { socket, headers } = message as { socket: unknown; headers: string };
    pool.clientOfSocket(socket)?.owner?.onRequestHead(headers);
  };
  subscribe(SEND_HEADERS_CHANNEL, onSendHeaders);

  // Off the first request's critical path: once the current work (app start-up) is done, and never keeping the
  // process alive for it.
  const warmup = setImmediate(warmUpHttpParser);
  warmup.unref();

  const abort = (state: InFlight, error: CourierError): void => {
    if (state.aborted !== null) return;
    state.aborted = error;
    state.progress.stop();
    state.abortHop?.(error);
  };

  const send = async (requestId: string, spec: HttpRequestSpec, sendOptions: SendOptions = {}): Promise<HttpExchange> => {
    if (closed) throw new CourierError('INTERNAL', 'Courier is shutting down; the request was not sent.');
    if (inFlight.has(requestId)) throw new CourierError('INVALID_INPUT', 'A request with this id is already being sent.', requestId);
    const startedAt = Date.now();
    const start = performance.now();
    const composed = composeRequest(spec, options.userAgent);
    sendOptions.onRequestBody?.(composed.body);
    const settings = spec.settings;
    const state: InFlight = { progress: new ProgressReporter(requestId, options.onProgress), aborted: null, abortHop: null, stopStream: null };
    inFlight.set(requestId, state);
    let deadline =
      settings.deadlineMs > 0
        ? setTimeout(() => {
            abort(
              state,
              new CourierError(
                'DEADLINE_EXCEEDED',
                `The request did not finish within ${formatDuration(settings.deadlineMs)} ${timeoutSettingNote('Total deadline')}.`,
              ),
            );
          }, settings.deadlineMs)
        : null;
    const jar = settings.useCookieJar ? options.cookies : undefined;
    const cookieSecrets: string[] = [];
    const noteCookieSecrets = (values: readonly string[]): void => {
      const fresh = values.filter((value) => !cookieSecrets.includes(value));
      if (fresh.length === 0) return;
      cookieSecrets.push(...fresh);
      sendOptions.onCookieSecrets?.(fresh);
    };
    const hopDeps: HopDeps = {
      pool,
      bodyStore: options.bodyStore,
      // the jar's cookies sent so far count as the request's secrets when the body is watched for them
      get bodySecrets() {
        return cookieSecrets.length === 0 ? sendOptions.secrets : [...(sendOptions.secrets ?? []), ...cookieSecrets];
      },
      // a cookie the response sets is known from its head, before its body is stored
      responseSecrets: jar ? setCookieSecrets : undefined,
      progress: state.progress,
      setAbort: (fn: ((error: CourierError) => void) | null) => {
        state.abortHop = fn;
      },
      openSse: options.onSse ? () => createSseTap(requestId, options.onSse as (batch: HttpSse) => void) : undefined,
      setStopStream: (fn: ((reason: CancelReason) => boolean) | null) => {
        state.stopStream = fn;
        // An event stream is meant to stay open: the total deadline bounds getting it started, not how long it
        // runs (the idle timeout and Cancel still apply). Every other response must finish within it.
        if (fn !== null && deadline !== null) {
          clearTimeout(deadline);
          deadline = null;
        }
      },
    };
    const follows = (status: number, headers: [string, string][]): boolean =>
      settings.followRedirects && isRedirectStatus(status) && headerValue(headers, 'location') !== null;

    try {
      const redirects: RedirectHop[] = [];
      const warnings = [...composed.warnings];
      const visited = new Set<string>();
      let request: HopRequest = { method: composed.method, url: composed.url, headers: composed.headers, body: composed.body };
      for (;;) {
        if (state.aborted) throw state.aborted;
        visited.add(`${request.method} ${request.url.href}`);
        // The jar's cookies go on this hop only: the next hop's come from the jar again, for its own URL, while the
        // user's own Cookie header follows the cross-origin rules of followRedirect.
        let onWire = request;
        if (jar) {
          const jarCookies = await jar.cookiesFor(request.url);
          noteCookieSecrets(jarCookieSecrets(jarCookies));
          onWire = { ...request, headers: withJarCookies(request.headers, jarCookies) };
        }
        const hop = await runHopWithRetry(hopDeps, onWire, settings, follows, state);
        if (jar) {
          noteCookieSecrets(setCookieSecrets(hop.headers));
          const { lines, refused } = keepableSetCookies(hop.headers, sendOptions.secrets ?? []);
          await jar.storeFrom(request.url, lines);
          if (refused.length > 0)
            warnings.push(`Cookie${refused.length > 1 ? 's' : ''} ${refused.join(', ')} not kept: the value holds a secret this request sent.`);
        }
        if (state.aborted) {
          if (hop.body) await options.bodyStore.release(hop.body.id);
          throw state.aborted;
        }
        if (hop.body !== null || !follows(hop.status, hop.headers)) {
          return buildExchange(requestId, startedAt, start, request, hop, redirects, warnings, options.bodyStore);
        }
        const location = headerValue(hop.headers, 'location') as string;
        const target = resolveLocation(request.url, location);
        const policy = { sensitive: sendOptions.sensitive ?? { headers: [], queryParams: [] }, keepCredentials: settings.keepCredentialsOnRedirect };
        const { next, droppedHeaders, droppedQueryParams, keptHeaders } = followRedirect(request, hop.status, target, policy);
        redirects.push({
          method: request.method,
          url: request.url.href,
          status: hop.status,
          statusText: hop.statusText,
          headers: hop.headers,
          location,
          droppedHeaders,
        });
        if (droppedHeaders.length > 0) {
          warnings.push(`${droppedHeaders.join(', ')} not sent to ${target.origin} after a redirect to another origin.`);
        }
        if (droppedQueryParams.length > 0) {
          const names = droppedQueryParams.join(', ');
          warnings.push(
            `Query parameter${droppedQueryParams.length > 1 ? 's' : ''} ${names} taken out of the redirect to ${target.origin}: another origin does not get credentials.`,
          );
        }
        if (keptHeaders.length > 0) {
          warnings.push(`${keptHeaders.join(', ')} sent on to ${target.origin}, another origin, because this request keeps credentials on redirects.`);
        }
        if (visited.has(`${next.method} ${next.url.href}`)) {
          throw new CourierError('REDIRECT_LOOP', `The server redirects in a loop (back to ${next.url.href}).`, next.url.href);
        }
        if (redirects.length > settings.maxRedirects) {
          throw new CourierError('TOO_MANY_REDIRECTS', `Stopped after ${settings.maxRedirects} redirects; the server kept redirecting.`);
        }
        state.progress.setPhase('redirecting');
        request = next;
      }
    } catch (error) {
      // The contract promises typed errors only; anything else is a bug, reported without its internals.
      if (error instanceof CourierError) throw error;
      throw new CourierError('INTERNAL', 'Something went wrong inside Courier while sending the request.');
    } finally {
      if (deadline !== null) clearTimeout(deadline);
      state.progress.stop();
      inFlight.delete(requestId);
    }
  };

  return {
    send,
    cancel(requestId, reason = 'user') {
      const state = inFlight.get(requestId);
      if (!state) return false;
      if (state.aborted === null && state.stopStream?.(reason) === true) return true;
      abort(state, new CourierError('CANCELLED', 'The request was cancelled.'));
      return true;
    },
    async close() {
      if (closed) return;
      closed = true;
      clearImmediate(warmup);
      unsubscribe(SEND_HEADERS_CHANNEL, onSendHeaders);
      for (const state of inFlight.values()) abort(state, new CourierError('CANCELLED', 'The request was cancelled because Courier is shutting down.'));
      await pool.close();
    },
  };
}

async function runHopWithRetry(
  deps: HopDeps,
  request: HopRequest,
  settings: HttpRequestSpec['settings'],
  follows: (status: number, headers: [string, string][]) => boolean,
  state: InFlight,
): Promise<HopResult> {
  // Each retry takes another idle connection or opens a new one; a handful covers every stale idle socket.
  for (let attempt = 0; ; attempt++) {
    try {
      return await runHop(deps, request, settings, follows);
    } catch (error) {
      if (attempt >= 6 || state.aborted || !isStaleConnectionFailure(error)) throw error;
    }
  }
}

function buildExchange(
  requestId: string,
  startedAt: number,
  start: number,
  request: HopRequest,
  hop: HopResult,
  redirects: RedirectHop[],
  warnings: string[],
  bodyStore: BodyStore,
): Promise<HttpExchange> | HttpExchange {
  const connection = hop.connection;
  const fresh = hop.newConnection;
  const requestHead = hop.requestHead;
  // Rebuilt from the parsed parts only if the wire text could not be captured.
  const rawResponseHead = hop.responseHead ?? responseHead(hop.status, hop.statusText, hop.headers);
  const allWarnings = [...warnings, ...(connection?.warnings ?? []), ...hop.warnings];
  const exchange = (body: HttpExchange['body']): HttpExchange => ({
    requestId,
    request: {
      method: request.method,
      url: request.url.href,
      httpVersion: '1.1',
      headers: headerListFromHead(requestHead),
      bodyBytes: request.body?.length ?? 0,
    },
    response: { status: hop.status, statusText: hop.statusText, httpVersion: hop.httpVersion ?? '1.1', headers: hop.headers },
    redirects,
    timings: {
      startedAt,
      dns: fresh?.dnsMs ?? 0,
      connect: fresh?.connectMs ?? 0,
      tls: fresh?.tlsMs ?? 0,
      wait: Math.max(0, hop.times.headers - hop.times.requestSent),
      download: Math.max(0, hop.times.end - hop.times.headers),
      total: hop.times.end - start,
      reusedConnection: fresh === null,
    },
    sizes: {
      requestHeaderBytes: Buffer.byteLength(requestHead, 'latin1'),
      requestBodyBytes: request.body?.length ?? 0,
      responseHeaderBytes: Buffer.byteLength(rawResponseHead, 'latin1'),
      responseBodyWireBytes: hop.wireBytes,
      responseBodyBytes: hop.decodedBytes,
    },
    remoteAddress: connection?.remoteAddress ?? null,
    remotePort: connection?.remotePort ?? null,
    tls: connection?.tls ?? null,
    body,
    raw: { requestHead, responseHead: rawResponseHead },
    warnings: allWarnings,
  });
  if (hop.body !== null) return exchange(hop.body);
  // A redirect the user chose not to follow (or a body-less answer): store an empty body so the shape is uniform.
  const writer = bodyStore.createWriter({ contentType: headerValue(hop.headers, 'content-type'), contentEncodings: [] });
  return writer.finish().then(exchange);
}
