import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { CourierError, type GraphqlSubscriptionEvent, type GraphqlSubscriptionItem, type HttpRequestSpec } from '../../../shared/contract';
import { parseGraphqlVariables } from '../../../shared/graphql';
import { subscriptionUrl } from './subscription-url';

export interface SubscriptionServiceOptions {
  emit: (event: GraphqlSubscriptionEvent) => void;
  /** results are held this long and sent together; default 30 ms */
  batchMs?: number;
  /** PEM certificates trusted in addition to the system roots (tests) */
  extraCaCertificates?: string[];
}

export interface SubscriptionService {
  /** Starts at once; connection trouble and results arrive as events. Throws for a request that cannot start. */
  subscribe(subscriptionId: string, request: HttpRequestSpec): void;
  /** true when it was running */
  unsubscribe(subscriptionId: string): boolean;
  readonly size: number;
  close(): Promise<void>;
}

type Item = Omit<GraphqlSubscriptionItem, 'seq' | 'at'>;

interface Running {
  client: Client;
  seq: number;
  stop: () => void;
  ended: boolean;
}

/** ws takes headers and TLS options in its constructor; graphql-ws only passes (url, protocol), so bind them here. */
function socketClass(headers: Record<string, string>, verifyTls: boolean, handshakeTimeout: number, ca: string[] | undefined) {
  return class CourierGraphqlSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      // followRedirects stays off (ws's default, stated here): a redirected handshake would carry the headers,
      // secrets included, to whatever origin the server names.
      super(url, protocols, { headers, rejectUnauthorized: verifyTls, handshakeTimeout: handshakeTimeout || undefined, followRedirects: false, ...(ca ? { ca } : {}) });
    }
  };
}

function describeClose(event: unknown): string {
  const close = event as { code?: number; reason?: string } | null;
  if (close && typeof close.code === 'number') {
    return close.reason ? `Connection closed (${close.code}: ${close.reason})` : `Connection closed (${close.code})`;
  }
  if (event instanceof Error) return event.message;
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
    list.push({ ...item, seq: state.seq, at: Date.now() });
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

  return {
    subscribe(subscriptionId, request) {
      if (closed) throw new CourierError('INTERNAL', 'Courier is shutting down; the subscription was not started.');
      if (running.has(subscriptionId)) throw new CourierError('INVALID_INPUT', 'A subscription with this id is already running.', subscriptionId);
      if (request.body.kind !== 'graphql') throw new CourierError('INVALID_BODY', 'A subscription needs a GraphQL body with a subscription operation.');
      const body = request.body;
      const variables = parseGraphqlVariables(body.variables);
      const url = subscriptionUrl(request.url, request.params);
      const headers: Record<string, string> = {};
      for (const header of request.headers) if (header.enabled !== false && header.name.trim() !== '') headers[header.name.trim()] = header.value;
      const Socket = socketClass(headers, request.settings.verifyTls, request.settings.connectTimeoutMs, options.extraCaCertificates);
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
      state = { client, seq: 0, stop: () => undefined, ended: false };
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
