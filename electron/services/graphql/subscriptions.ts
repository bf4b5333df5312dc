import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { CourierError, type GraphqlSubscriptionEvent, type GraphqlSubscriptionItem, type HttpRequestSpec } from '../../../shared/contract';
import { parseGraphqlVariables } from '../../../shared/graphql';
import { redactText } from '../../../shared/variables';
import { guardedLookup, isRefusedLiteral, redactCourierError, validateHandshakeHeaders, type RefusedAddress } from '../websocket';
import { subscriptionUrl } from './subscription-url';

export interface SubscriptionServiceOptions {
  emit: (event: GraphqlSubscriptionEvent) => void;
  /** results are held this long and sent together; default 30 ms */
  batchMs?: number;
  /** PEM certificates trusted in addition to the system roots (tests) */
  extraCaCertificates?: string[];
  /** checked after DNS, before connecting; true → SELF_REQUEST_REFUSED (web mode refuses its own port) */
  isRefusedAddress?: RefusedAddress;
}

export interface SubscriptionService {
  /**
   * Starts at once; connection trouble and results arrive as events. Throws for a request that cannot start.
   * `secrets`: plain values the request carries, masked in every log line and error (results are shown as sent).
   */
  subscribe(subscriptionId: string, request: HttpRequestSpec, secrets?: readonly string[]): void;
  /** true when it was running */
  unsubscribe(subscriptionId: string): boolean;
  readonly size: number;
  close(): Promise<void>;
}

type Item = Omit<GraphqlSubscriptionItem, 'seq' | 'at'>;

interface Running {
  client: Client;
  secrets: readonly string[];
  seq: number;
  stop: () => void;
  ended: boolean;
}

/** ws takes headers and TLS options in its constructor; graphql-ws only passes (url, protocol), so bind them here. */
function socketClass(
  headers: Record<string, string>,
  verifyTls: boolean,
  handshakeTimeout: number,
  ca: string[] | undefined,
  lookup: ReturnType<typeof guardedLookup>,
) {
  return class CourierGraphqlSocket extends WebSocket {
    /** graphql-ws reports only the close (1006) that follows a socket error; the error's code is kept for it */
    failureCode: string | null = null;
    constructor(url: string, protocols?: string | string[]) {
      // followRedirects stays off (ws's default, stated here): a redirected handshake would carry the headers,
      // secrets included, to whatever origin the server names.
      super(url, protocols, {
        headers,
        rejectUnauthorized: verifyTls,
        handshakeTimeout: handshakeTimeout || undefined,
        followRedirects: false,
        lookup: lookup as never,
        ...(ca ? { ca } : {}),
      });
      this.on('error', (error: NodeJS.ErrnoException) => {
        this.failureCode = error.code ?? null;
      });
    }
  };
}

function describeClose(event: unknown): string {
  const close = event as { code?: number; reason?: string; error?: unknown; message?: unknown; target?: { failureCode?: unknown } } | null;
  if (close?.target?.failureCode === 'SELF_REQUEST_REFUSED') return 'Courier does not connect to its own web server.';
  if (close && typeof close.code === 'number') {
    return close.reason ? `Connection closed (${close.code}: ${close.reason})` : `Connection closed (${close.code})`;
  }
  // ws reports socket trouble as an ErrorEvent whose `error` is the Error (with the guard's code)
  const cause = close && 'error' in close ? close.error : event;
  if ((cause as { code?: unknown } | null)?.code === 'SELF_REQUEST_REFUSED') return 'Courier does not connect to its own web server.';
  if (cause instanceof Error) return cause.message;
  if (close && typeof close.message === 'string' && close.message !== '') return close.message;
  return 'The connection failed';
}

export function createSubscriptionService(options: SubscriptionServiceOptions): SubscriptionService {
  const batchMs = options.batchMs ?? 30;
  const running = new Map<string, Running>();
  const pending = new Map<string, GraphqlSubscriptionItem[]>();
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  const flush = () => {
    timer = null;
    for (const [subscriptionId, items] of pending) options.emit({ subscriptionId, items });
    pending.clear();
  };

  const push = (subscriptionId: string, state: Running, item: Item) => {
    state.seq += 1;
    const list = pending.get(subscriptionId) ?? [];
    const message = item.message === undefined ? {} : { message: redactText(item.message, state.secrets) };
    list.push({ ...item, ...message, seq: state.seq, at: Date.now() });
    pending.set(subscriptionId, list);
    timer ??= setTimeout(flush, batchMs);
  };

  const end = (subscriptionId: string, state: Running, item: Item | null) => {
    if (state.ended) return;
    state.ended = true;
    if (item) push(subscriptionId, state, item);
    if (running.get(subscriptionId) === state) running.delete(subscriptionId);
    void state.client.dispose();
  };

  const start = (subscriptionId: string, request: HttpRequestSpec, secrets: readonly string[]): void => {
    if (closed) throw new CourierError('INTERNAL', 'Courier is shutting down; the subscription was not started.');
    if (running.has(subscriptionId)) throw new CourierError('INVALID_INPUT', 'A subscription with this id is already running.', subscriptionId);
    if (request.body.kind !== 'graphql') throw new CourierError('INVALID_BODY', 'A subscription needs a GraphQL body with a subscription operation.');
    const body = request.body;
    const variables = parseGraphqlVariables(body.variables);
    const url = subscriptionUrl(request.url, request.params);
    const parsed = new URL(url);
    // the same guard as HTTP and WebSocket: an IP literal now, a name after DNS (in the socket's lookup)
    if (isRefusedLiteral(parsed, options.isRefusedAddress)) {
      throw new CourierError('SELF_REQUEST_REFUSED', 'Courier does not connect to its own web server.', parsed.host);
    }
    const headers: Record<string, string> = {};
    for (const header of request.headers) if (header.enabled !== false && header.name.trim() !== '') headers[header.name.trim()] = header.value;
    validateHandshakeHeaders(headers);
    const port = parsed.port !== '' ? Number(parsed.port) : parsed.protocol === 'wss:' ? 443 : 80;
    const lookup = guardedLookup(options.isRefusedAddress, port);
    const Socket = socketClass(headers, request.settings.verifyTls, request.settings.connectTimeoutMs, options.extraCaCertificates, lookup);
    let state: Running | null = null;
    const client = createClient({
      url,
      webSocketImpl: Socket,
      lazy: true,
      retryAttempts: 0,
      // A socket that never acknowledges would otherwise hang the log on "connecting" forever.
      connectionAckWaitTimeout: request.settings.connectTimeoutMs || 10_000,
      on: {
        connecting: () => state && push(subscriptionId, state, { kind: 'connecting', message: `Connecting to ${url}` }),
        connected: () => state && push(subscriptionId, state, { kind: 'connected', message: 'Connected (graphql-transport-ws)' }),
        closed: (event) => state && !state.ended && end(subscriptionId, state, { kind: 'closed', message: describeClose(event) }),
      },
    });
    state = { client, secrets, seq: 0, stop: () => undefined, ended: false };
    const current = state;
    running.set(subscriptionId, current);
    current.stop = client.subscribe(
      { query: body.query, ...(variables ? { variables } : {}), ...(body.operationName.trim() ? { operationName: body.operationName.trim() } : {}) },
      {
        next: (result) => push(subscriptionId, current, { kind: 'next', payload: JSON.stringify(result) }),
        error: (error) => {
          // graphql-ws reports GraphQL errors as an array, connection trouble as an Error or a CloseEvent.
          const item: Item = Array.isArray(error)
            ? { kind: 'error', payload: JSON.stringify(error), message: 'The server refused the subscription' }
            : { kind: 'error', message: describeClose(error) };
          end(subscriptionId, current, item);
        },
        complete: () => end(subscriptionId, current, { kind: 'complete', message: 'Subscription complete' }),
      },
    );
  };

  return {
    subscribe(subscriptionId, request, secrets = []) {
      try {
        start(subscriptionId, request, secrets);
      } catch (error) {
        throw error instanceof CourierError ? redactCourierError(error, secrets) : error;
      }
    },
    unsubscribe(subscriptionId) {
      const state = running.get(subscriptionId);
      if (!state) return false;
      state.stop();
      end(subscriptionId, state, { kind: 'complete', message: 'Stopped' });
      return true;
    },
    get size() {
      return running.size;
    },
    async close() {
      closed = true;
      const all = [...running.values()];
      running.clear();
      for (const state of all) {
        state.ended = true;
        state.stop();
      }
      await Promise.all(all.map((state) => state.client.dispose()));
      if (timer) clearTimeout(timer);
      flush();
    },
  };
}
