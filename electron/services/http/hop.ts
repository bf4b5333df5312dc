import { type Dispatcher } from 'undici';
import { CourierError, type BodyRef, type HeaderList, type RequestSettings } from '../../../shared/contract';
import { type BodyStore, type BodyWriter } from '../body-store';
import { type ConnectionPool } from './connection-pool';
import { type ConnectOwner, type ConnectRecord } from './connector';
import { planDecoding } from './decoding';
import { toCourierError, type FailurePhase } from './errors';
import { type ProgressReporter } from './progress';
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
  progress: ProgressReporter;
  /** the engine calls the function set here to cancel, time out or close */
  setAbort(abort: ((error: CourierError) => void) | null): void;
  /** a live parser for a text/event-stream body; absent when nobody listens */
  openSse?: (() => SseTap) | undefined;
  /** the engine calls the function set here to end a live event stream as a complete (stopped) response */
  setStopStream?: (stop: (() => boolean) | null) => void;
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

export function runHop(deps: HopDeps, request: HopRequest, settings: RequestSettings, isRedirect: (status: number, headers: HeaderList) => boolean): Promise<HopResult> {
  const { pool, progress } = deps;
  const host = request.url.host;
  return new Promise<HopResult>((resolve, reject) => {
    const times = { start: performance.now(), requestSent: 0, headers: 0, end: 0 };
    let phase: FailurePhase = 'connect';
    let settled = false;
    let requestHead = '';
    let status = 0;
    let statusText = '';
    let headers: HeaderList = [];
    let expectedBodyBytes: number | null = null;
    let writer: BodyWriter | null = null;
    let pipeline: ResponseBodyPipeline | null = null;
    let discard = false;
    let discardedBytes = 0;
    let resumeWire: () => void = () => undefined;
    let sse: SseTap | null = null;
    let stopped = false;
    const warnings: string[] = [];
    const bodyBytes = request.body?.length ?? 0;

    const owner: ConnectOwner = {
      connectTimeoutMs: settings.connectTimeoutMs,
      verifyTls: settings.verifyTls,
      onPhase: (next) => progress.setPhase(next),
      record: null,
      abortConnect: null,
      responseHead: new ResponseHeadCapture(RESPONSE_HEAD_LIMIT),
      onRequestHead: (published) => {
        // A server may answer before the request body is fully written, so capture starts with the head.
        owner.responseHead.start();
        requestHead = completeRequestHead(published, request.method, bodyBytes);
        progress.setPhase('sending');
      },
    };
    const pooled = pool.acquire(request.url.origin, settings.verifyTls, owner);

    // undici's own header/body timers tick at about one second, too coarse for short idle timeouts, so the hop
    // keeps one native timer: armed when the request is written, refreshed by every body chunk.
    let idleTimer: NodeJS.Timeout | null = null;
    const armIdle = (): void => {
      if (settings.idleTimeoutMs <= 0 || settled) return;
      if (idleTimer !== null) {
        idleTimer.refresh();
        return;
      }
      idleTimer = setTimeout(() => {
        fail(Object.assign(new Error('idle'), { code: phase === 'body' ? 'UND_ERR_BODY_TIMEOUT' : 'UND_ERR_HEADERS_TIMEOUT' }));
      }, settings.idleTimeoutMs);
    };
    const disarmIdle = (): void => {
      if (idleTimer !== null) clearTimeout(idleTimer);
      idleTimer = null;
    };

    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      disarmIdle();
      deps.setAbort(null);
      const courierError = toCourierError(error, {
        host,
        phase,
        expectedBodyBytes,
        receivedBodyBytes: pipeline?.wireBytes ?? 0,
        idleTimeoutMs: settings.idleTimeoutMs,
        headersReceived: status !== 0,
        responseHead: owner.responseHead.head,
      });
      // A keep-alive connection the server closed while idle fails the next request before any response byte:
      // the request never reached the application, so it is safe to send again on a new connection.
      if (owner.record === null && status === 0 && STALE_CONNECTION_CODES.has(codeOf(error))) {
        (courierError as CourierError & { staleConnection?: boolean }).staleConnection = true;
      }
      pipeline?.destroy();
      sse?.end();
      deps.setStopStream?.(null);
      owner.abortConnect?.(courierError);
      pool.destroy(pooled, courierError);
      const cleanup = writer ? writer.abort() : Promise.resolve();
      cleanup.then(
        () => reject(courierError),
        () => reject(courierError),
      );
    };

    const succeed = (body: BodyRef | null, decodedBytes: number, reusable: boolean): void => {
      if (settled) return;
      settled = true;
      sse?.end();
      deps.setStopStream?.(null);
      disarmIdle();
      deps.setAbort(null);
      times.end = performance.now();
      if (reusable) pool.release(pooled);
      else pool.destroy(pooled);
      resolve({
        status,
        statusText,
        headers,
        requestHead,
        responseHead: owner.responseHead.head,
        httpVersion: owner.responseHead.httpVersion,
        newConnection: owner.record,
        connection: pooled.connection,
        times,
        wireBytes: pipeline?.wireBytes ?? discardedBytes,
        decodedBytes,
        body,
        warnings,
      });
    };

    const complete = (reusable: boolean): void => {
      if (settled) return;
      if (discard || pipeline === null || writer === null) {
        succeed(null, 0, reusable);
        return;
      }
      const activeWriter: BodyWriter = writer;
      const activePipeline: ResponseBodyPipeline = pipeline;
      activePipeline
        .end()
        .then(() => {
          if (settled) return undefined;
          return activeWriter.finish();
        })
        .then((ref) => {
          if (ref) succeed(ref, activePipeline.decodedBytes, reusable);
        }, fail);
    };

    deps.setAbort(fail);

    // onRequestSent is part of undici's legacy handler protocol (core/request.js) but missing from its types.
    const handler: Dispatcher.DispatchHandler & { onRequestSent(): void } = {
      onConnect() {
        // undici's abort is not needed: destroying the client tears the request down with the error we choose.
      },
      onRequestSent() {
        times.requestSent = performance.now();
        phase = 'waiting';
        armIdle();
        progress.setPhase('waiting');
      },
      onHeaders(statusCode, rawHeaders, resume, reason) {
        if (settled) return false;
        // 1xx interim responses (100 Continue, 103 Early Hints) are not the answer.
        if (statusCode < 200) return true;
        times.headers = performance.now();
        if (times.requestSent === 0) times.requestSent = times.headers;
        phase = 'body';
        armIdle();
        status = statusCode;
        statusText = reason;
        headers = headerListFromRaw(rawHeaders);
        resumeWire = resume;
        expectedBodyBytes = parseContentLength(headers);
        if (isRedirect(statusCode, headers)) {
          discard = true;
          return true;
        }
        try {
          if (expectedBodyBytes !== null && expectedBodyBytes > settings.maxResponseBytes) {
            throw new CourierError(
              'RESPONSE_TOO_LARGE',
              `The response from ${host} announces ${formatBytes(expectedBodyBytes)}, more than the limit of ${formatBytes(settings.maxResponseBytes)}.`,
            );
          }
          const plan = planDecoding(headers);
          warnings.push(...plan.warnings);
          const contentType = headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? null;
          writer = deps.bodyStore.createWriter({ contentType, contentEncodings: plan.encodings, secrets: deps.bodySecrets });
          if (isEventStream(contentType) && deps.openSse) {
            const tap = deps.openSse();
            sse = tap;
            // Stopping a live stream keeps what arrived: the exchange completes with the body so far.
            deps.setStopStream?.(() => {
              if (settled || stopped) return false;
              stopped = true;
              disarmIdle();
              warnings.push(`You stopped the event stream after ${tap.count} events; the response holds what arrived until then.`);
              complete(false);
              return true;
            });
          }
          const activeSse = sse;
          pipeline = new ResponseBodyPipeline(
            writer,
            plan.encodings,
            settings,
            host,
            fail,
            (decoded) => progress.bytes(decoded),
            activeSse ? (chunk) => activeSse.write(chunk) : null,
          );
        } catch (error) {
          fail(error);
          return false;
        }
        progress.bytesExpected = expectedBodyBytes;
        progress.setPhase('downloading');
        return true;
      },
      onData(chunk) {
        if (settled || stopped) return false;
        armIdle();
        if (discard) {
          discardedBytes += chunk.length;
          if (discardedBytes > MAX_DISCARDED_BYTES) {
            succeed(null, 0, false);
            return false;
          }
          return true;
        }
        return (pipeline as ResponseBodyPipeline).write(chunk, () => {
          armIdle();
          resumeWire();
        });
      },
      onComplete() {
        if (stopped) return;
        complete(true);
      },
      onError(error) {
        if (stopped) return;
        // undici checks Content-Length even on answers that never have a body: a 304 may carry the length of the
        // full response (RFC 9110 §8.6), and some servers send one on a 204. Nothing was lost, but undici has
        // dropped the connection over it.
        const bodiless = status === 304 || status === 204 || request.method === 'HEAD';
        if (bodiless && codeOf(error) === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH' && (pipeline?.wireBytes ?? 0) === 0 && discardedBytes === 0) {
          complete(false);
          return;
        }
        fail(error);
      },
    };

    const flatHeaders: string[] = [];
    for (const [name, value] of request.headers) flatHeaders.push(name, value);
    try {
      pooled.client.dispatch(
        {
          path: `${request.url.pathname}${request.url.search}`,
          method: request.method,
          headers: flatHeaders,
          body: request.body,
          headersTimeout: 0,
          bodyTimeout: 0,
        },
        handler,
      );
    } catch (error) {
      fail(error);
    }
  });
}
