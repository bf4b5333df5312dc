import { type Dispatcher } from 'undici';
import { CourierError, type BodyRef, type CancelReason, type HeaderList, type RequestSettings } from '../../../shared/contract';
import { type BodyStore, type BodyWriter } from '../body-store';
import { type ConnectionPool, type PooledClient } from './connection-pool';
import { type ConnectOwner, type ConnectRecord } from './connector';
import { planDecoding } from './decoding';
import { toCourierError, type FailurePhase } from './errors';
import { type ProgressReporter } from './progress';
import { maskedResponseHead, StreamingPreview } from './body-preview';
import { type HopRequest } from './redirects';
import { formatBytes, ResponseBodyPipeline } from './response-body';
import { isEventStream } from '../../../shared/sse';
import { type SseTap } from './sse-tap';
import { ResponseHeadCapture } from './response-head-tap';
import { completeRequestHead, headerListFromRaw } from './wire-format';

/** What one request/response on one connection produced. */
export interface HopResult {
  status: number;
  statusText: string;
  headers: HeaderList;
  requestHead: string;
  /** the final response head as read off the wire, when it could be captured */
  responseHead: string | null;
  httpVersion: string | null;
  /** null when an existing keep-alive connection carried this hop */
  newConnection: ConnectRecord | null;
  connection: ConnectRecord | null;
  times: { start: number; requestSent: number; headers: number; end: number };
  wireBytes: number;
  decodedBytes: number;
  /** null for a redirect whose body was thrown away */
  body: BodyRef | null;
  warnings: string[];
}

export interface HopDeps {
  pool: ConnectionPool;
  bodyStore: BodyStore;
  /** plain values the request carries, watched for in the response body */
  bodySecrets?: readonly string[] | undefined;
  /** secrets the response's own headers carry (the values its Set-Cookie lines set), watched for in its body too */
  responseSecrets?: ((headers: HeaderList) => readonly string[]) | undefined;
  progress: ProgressReporter;
  /** the engine calls the function set here to cancel, time out or close */
  setAbort(abort: ((error: CourierError) => void) | null): void;
  /** a live parser for a text/event-stream body; absent when nobody listens */
  openSse?: (() => SseTap) | undefined;
  /** the engine calls the function set here to end a live event stream as a complete (stopped) response */
  setStopStream?: (stop: ((reason: CancelReason) => boolean) | null) => void;
}

// A redirect's own body is read to keep the connection reusable, but only up to this much.
const MAX_DISCARDED_BYTES = 256 * 1024;

const RESPONSE_HEAD_LIMIT = 80 * 1024;

const STALE_CONNECTION_CODES = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'UND_ERR_CLOSED']);

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : '';
}

/** True when a hop failed only because it was given a keep-alive connection that had already gone stale. */
export function isStaleConnectionFailure(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { staleConnection?: boolean }).staleConnection === true;
}

function parseContentLength(headers: HeaderList): number | null {
  for (const [name, value] of headers) {
    if (name.length === 14 && name.toLowerCase() === 'content-length') {
      const parsed = Number(value.trim());
      return Number.isSafeInteger(parsed) && parsed >= 0 ? parsed : null;
    }
  }
  return null;
}

/**
 * A timer that fires when nothing has moved for `ms`. undici's own header/body timers tick at about one second, too
 * coarse for short idle timeouts, so a hop keeps one native timer: armed when the request is written, refreshed by
 * every body chunk.
 */
class IdleTimer {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ms: number,
    private readonly onIdle: () => void,
  ) {}

  arm(): void {
    if (this.ms <= 0) return;
    if (this.timer !== null) this.timer.refresh();
    else this.timer = setTimeout(this.onIdle, this.ms);
  }

  disarm(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

/**
 * One request and its response on one connection, as a small state object: undici's handler events (request sent,
 * headers, data, complete, error) are its methods, and it settles once, by succeed() or fail().
 */
class Hop {
  private readonly times = { start: performance.now(), requestSent: 0, headers: 0, end: 0 };
  private phase: FailurePhase = 'connect';
  private settled = false;
  private requestHead = '';
  private status = 0;
  private statusText = '';
  private headers: HeaderList = [];
  private expectedBodyBytes: number | null = null;
  private writer: BodyWriter | null = null;
  private pipeline: ResponseBodyPipeline | null = null;
  /** a redirect's body: read (up to a bound) so the connection stays reusable, then thrown away */
  private discard = false;
  private discardedBytes = 0;
  private resumeWire: () => void = () => undefined;
  private sse: SseTap | null = null;
  /** the user stopped a live event stream: the response is what arrived */
  private stopped = false;
  private readonly warnings: string[] = [];
  private readonly idle: IdleTimer;
  private readonly owner: ConnectOwner;
  private readonly pooled: PooledClient;
  private readonly host: string;

  constructor(
    private readonly deps: HopDeps,
    private readonly request: HopRequest,
    private readonly settings: RequestSettings,
    private readonly isRedirect: (status: number, headers: HeaderList) => boolean,
    private readonly resolve: (result: HopResult) => void,
    private readonly reject: (error: CourierError) => void,
  ) {
    this.host = request.url.host;
    this.idle = new IdleTimer(settings.idleTimeoutMs, () =>
      this.fail(Object.assign(new Error('idle'), { code: this.phase === 'body' ? 'UND_ERR_BODY_TIMEOUT' : 'UND_ERR_HEADERS_TIMEOUT' })),
    );
    const bodyBytes = request.body?.length ?? 0;
    this.owner = {
      connectTimeoutMs: settings.connectTimeoutMs,
      verifyTls: settings.verifyTls,
      onPhase: (next) => deps.progress.setPhase(next),
      record: null,
      abortConnect: null,
      responseHead: new ResponseHeadCapture(RESPONSE_HEAD_LIMIT),
      onRequestHead: (published) => {
        // A server may answer before the request body is fully written, so capture starts with the head.
        this.owner.responseHead.start();
        this.requestHead = completeRequestHead(published, request.method, bodyBytes);
        deps.progress.setPhase('sending');
      },
    };
    this.pooled = deps.pool.acquire(request.url.origin, settings.verifyTls, this.owner);
  }

  /** sends the request; the hop settles through resolve or reject */
  start(): void {
    this.deps.setAbort((error) => this.fail(error));
    const flatHeaders: string[] = [];
    for (const [name, value] of this.request.headers) flatHeaders.push(name, value);
    try {
      this.pooled.client.dispatch(
        {
          path: `${this.request.url.pathname}${this.request.url.search}`,
          method: this.request.method,
          headers: flatHeaders,
          body: this.request.body,
          headersTimeout: 0,
          bodyTimeout: 0,
        },
        this.handler(),
      );
    } catch (error) {
      this.fail(error);
    }
  }

  private armIdle(): void {
    if (!this.settled) this.idle.arm();
  }

  // onRequestSent is part of undici's legacy handler protocol (core/request.js) but missing from its types.
  private handler(): Dispatcher.DispatchHandler & { onRequestSent(): void } {
    return {
      onConnect: () => {
        // undici's abort is not needed: destroying the client tears the request down with the error we choose.
      },
      onRequestSent: () => this.onRequestSent(),
      onHeaders: (statusCode, rawHeaders, resume, reason) => this.onHeaders(statusCode, rawHeaders, resume, reason),
      onData: (chunk) => this.onData(chunk),
      onComplete: () => {
        if (!this.stopped) this.complete(true);
      },
      onError: (error) => this.onError(error),
    };
  }

  private onRequestSent(): void {
    this.times.requestSent = performance.now();
    this.phase = 'waiting';
    this.armIdle();
    this.deps.progress.setPhase('waiting');
  }

  private onHeaders(statusCode: number, rawHeaders: Buffer[], resume: () => void, reason: string): boolean {
    if (this.settled) return false;
    // 1xx interim responses (100 Continue, 103 Early Hints) are not the answer.
    if (statusCode < 200) return true;
    this.times.headers = performance.now();
    if (this.times.requestSent === 0) this.times.requestSent = this.times.headers;
    this.phase = 'body';
    this.armIdle();
    this.status = statusCode;
    this.statusText = reason;
    this.headers = headerListFromRaw(rawHeaders);
    this.resumeWire = resume;
    this.expectedBodyBytes = parseContentLength(this.headers);
    if (this.isRedirect(statusCode, this.headers)) {
      this.discard = true;
      return true;
    }
    try {
      this.openBody();
    } catch (error) {
      this.fail(error);
      return false;
    }
    this.deps.progress.bytesExpected = this.expectedBodyBytes;
    this.deps.progress.setPhase('downloading');
    return true;
  }

  /** where the body goes: decoded, masked and stored (body store), and through the live SSE parser when it is one */
  private openBody(): void {
    const { deps, settings, host, expectedBodyBytes } = this;
    if (expectedBodyBytes !== null && expectedBodyBytes > settings.maxResponseBytes) {
      throw new CourierError(
        'RESPONSE_TOO_LARGE',
        `The response from ${host} announces ${formatBytes(expectedBodyBytes)}, more than the limit of ${formatBytes(settings.maxResponseBytes)}.`,
      );
    }
    const plan = planDecoding(this.headers);
    this.warnings.push(...plan.warnings);
    const contentType = this.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? null;
    const secrets = [...(deps.bodySecrets ?? []), ...(deps.responseSecrets?.(this.headers) ?? [])];
    const writer = deps.bodyStore.createWriter({ contentType, contentEncodings: plan.encodings, secrets });
    this.writer = writer;
    if (isEventStream(contentType) && deps.openSse) {
      const tap = deps.openSse();
      this.sse = tap;
      // Stopping a live stream keeps what arrived: the exchange completes with the body so far.
      deps.setStopStream?.((reason) => {
        if (this.settled || this.stopped) return false;
        this.stopped = true;
        this.idle.disarm();
        const how = reason === 'window-closed' ? 'The window closed while the event stream was open, after' : 'You stopped the event stream after';
        this.warnings.push(`${how} ${tap.count} events; the response holds what arrived until then.`);
        this.complete(false);
        return true;
      });
    }
    const sse = this.sse;
    // the window's view of the body until it is complete: masked with the same secrets the store watches for
    const preview = new StreamingPreview(contentType, secrets);
    deps.progress.responding(maskedResponseHead(this.status, this.statusText, this.headers, secrets), preview);
    this.pipeline = new ResponseBodyPipeline(
      writer,
      plan.encodings,
      settings,
      host,
      (error) => this.fail(error),
      (decoded, chunk) => {
        preview.push(chunk);
        deps.progress.bytes(decoded);
      },
      sse ? (chunk) => sse.write(chunk) : null,
    );
  }

  private onData(chunk: Buffer): boolean {
    if (this.settled || this.stopped) return false;
    this.armIdle();
    if (this.discard) {
      this.discardedBytes += chunk.length;
      if (this.discardedBytes > MAX_DISCARDED_BYTES) {
        this.succeed(null, 0, false);
        return false;
      }
      return true;
    }
    return (this.pipeline as ResponseBodyPipeline).write(chunk, () => {
      this.armIdle();
      this.resumeWire();
    });
  }

  private onError(error: Error): void {
    if (this.stopped) return;
    // undici checks Content-Length even on answers that never have a body: a 304 may carry the length of the
    // full response (RFC 9110 §8.6), and some servers send one on a 204. Nothing was lost, but undici has
    // dropped the connection over it.
    const bodiless = this.status === 304 || this.status === 204 || this.request.method === 'HEAD';
    if (bodiless && codeOf(error) === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH' && (this.pipeline?.wireBytes ?? 0) === 0 && this.discardedBytes === 0) {
      this.complete(false);
      return;
    }
    this.fail(error);
  }

  private complete(reusable: boolean): void {
    if (this.settled) return;
    const { writer, pipeline } = this;
    if (this.discard || pipeline === null || writer === null) {
      this.succeed(null, 0, reusable);
      return;
    }
    pipeline
      .end()
      .then(() => (this.settled ? undefined : writer.finish()))
      .then(
        (ref) => {
          if (ref) this.succeed(ref, pipeline.decodedBytes, reusable);
        },
        (error: unknown) => this.fail(error),
      );
  }

  private succeed(body: BodyRef | null, decodedBytes: number, reusable: boolean): void {
    if (this.settled) return;
    this.settled = true;
    this.sse?.end();
    this.deps.setStopStream?.(null);
    this.idle.disarm();
    this.deps.setAbort(null);
    this.times.end = performance.now();
    if (reusable) this.deps.pool.release(this.pooled);
    else this.deps.pool.destroy(this.pooled);
    this.resolve({
      status: this.status,
      statusText: this.statusText,
      headers: this.headers,
      requestHead: this.requestHead,
      responseHead: this.owner.responseHead.head,
      httpVersion: this.owner.responseHead.httpVersion,
      newConnection: this.owner.record,
      connection: this.pooled.connection,
      times: this.times,
      wireBytes: this.pipeline?.wireBytes ?? this.discardedBytes,
      decodedBytes,
      body,
      warnings: this.warnings,
    });
  }

  private fail(error: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.idle.disarm();
    this.deps.setAbort(null);
    const courierError = toCourierError(error, {
      host: this.host,
      phase: this.phase,
      expectedBodyBytes: this.expectedBodyBytes,
      receivedBodyBytes: this.pipeline?.wireBytes ?? 0,
      idleTimeoutMs: this.settings.idleTimeoutMs,
      headersReceived: this.status !== 0,
      responseHead: this.owner.responseHead.head,
    });
    // A keep-alive connection the server closed while idle fails the next request before any response byte:
    // the request never reached the application, so it is safe to send again on a new connection.
    if (this.owner.record === null && this.status === 0 && STALE_CONNECTION_CODES.has(codeOf(error))) {
      (courierError as CourierError & { staleConnection?: boolean }).staleConnection = true;
    }
    this.pipeline?.destroy();
    this.sse?.end();
    this.deps.setStopStream?.(null);
    this.owner.abortConnect?.(courierError);
    this.deps.pool.destroy(this.pooled, courierError);
    const cleanup = this.writer ? this.writer.abort() : Promise.resolve();
    cleanup.then(
      () => this.reject(courierError),
      () => this.reject(courierError),
    );
  }
}

export function runHop(
  deps: HopDeps,
  request: HopRequest,
  settings: RequestSettings,
  isRedirect: (status: number, headers: HeaderList) => boolean,
): Promise<HopResult> {
  return new Promise<HopResult>((resolve, reject) => new Hop(deps, request, settings, isRedirect, resolve, reject).start());
}
