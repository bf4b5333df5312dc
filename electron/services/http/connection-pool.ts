import { Client } from './undici-client';
import { type Socket } from 'node:net';
import { createConnector, type ConnectOwner, type ConnectorDeps, type ConnectRecord } from './connector';

/**
 * One undici Client is one connection. A client is lent to exactly one hop at a time, so the connector knows which
 * request it is connecting for and the engine knows which socket served which request.
 */
export interface PooledClient {
  readonly key: string;
  readonly client: Client;
  owner: ConnectOwner | null;
  /** true once destroyed; never handed out again */
  broken: boolean;
  /** how the current connection was made; a reused connection reports its address and TLS from here */
  connection: ConnectRecord | null;
}

// Browsers keep about six connections per origin; more idle sockets would only hold server resources.
const MAX_IDLE_PER_ORIGIN = 6;
const MAX_HEADER_BYTES = 64 * 1024;

export interface ConnectionPool {
  acquire(origin: string, verifyTls: boolean, owner: ConnectOwner): PooledClient;
  /** back to the idle list when the exchange ended cleanly */
  release(pooled: PooledClient): void;
  /** after a failure or cancel: the connection is not trustworthy any more */
  destroy(pooled: PooledClient, error?: Error): void;
  /** which client's connection a socket undici reports on belongs to */
  clientOfSocket(socket: unknown): PooledClient | undefined;
  close(): Promise<void>;
}

export function createConnectionPool(deps: ConnectorDeps): ConnectionPool {
  const idle = new Map<string, PooledClient[]>();
  const all = new Set<PooledClient>();
  const bySocket = new WeakMap<object, PooledClient>();
  let closed = false;

  const create = (key: string, origin: string): PooledClient => {
    // The connector runs only once a request is dispatched, by which time `pooled` exists.
    const connect = createConnector(
      deps,
      () => pooled.owner,
      (socket: Socket, record) => {
        bySocket.set(socket, pooled);
        pooled.connection = record;
      },
    );
    const pooled: PooledClient = {
      key,
      owner: null,
      broken: false,
      connection: null,
      client: new Client(origin, {
        connect,
        pipelining: 1,
        maxHeaderSize: MAX_HEADER_BYTES,
        keepAliveTimeout: 4_000,
        keepAliveMaxTimeout: 60_000,
      }),
    };
    // Errors reach the request's handler; this only keeps an unowned client error from being unhandled.
    pooled.client.on('connectionError', () => undefined);
    all.add(pooled);
    return pooled;
  };

  return {
    acquire(origin, verifyTls, owner) {
      if (closed) throw new Error('engine closed');
      const key = `${origin}|${verifyTls ? 'verify' : 'noverify'}`;
      const list = idle.get(key);
      let pooled: PooledClient | undefined;
      while (list && list.length > 0) {
        const candidate = list.pop() as PooledClient;
        if (!candidate.broken && !candidate.client.destroyed && !candidate.client.closed) {
          pooled = candidate;
          break;
        }
      }
      pooled ??= create(key, origin);
      pooled.owner = owner;
      return pooled;
    },

    release(pooled) {
      pooled.owner = null;
      if (closed || pooled.broken) return;
      let list = idle.get(pooled.key);
      if (!list) {
        list = [];
        idle.set(pooled.key, list);
      }
      list.push(pooled);
      while (list.length > MAX_IDLE_PER_ORIGIN) {
        const oldest = list.shift() as PooledClient;
        this.destroy(oldest);
      }
    },

    destroy(pooled, error) {
      pooled.owner = null;
      if (pooled.broken) return;
      pooled.broken = true;
      all.delete(pooled);
      pooled.client.destroy(error ?? null).catch(() => undefined);
    },

    clientOfSocket(socket) {
      return typeof socket === 'object' && socket !== null ? bySocket.get(socket) : undefined;
    },

    async close() {
      closed = true;
      idle.clear();
      const clients = [...all];
      all.clear();
      await Promise.all(clients.map((pooled) => pooled.client.destroy().catch(() => undefined)));
    },
  };
}
