import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Anything on this machine can connect to the web host's port; only the page holding the token may keep a
 * connection. Without a bound, 1,000 idle connections (a port scanner, a hostile local process, a page in the
 * user's browser opening sockets to guessed ports) held 1,000 file descriptors and starved page loads, sends and
 * workspace writes of theirs.
 */
export interface ConnectionLimits {
  /** connections that have not yet presented the token; beyond it the oldest such connection is dropped */
  maxUnproven: number;
  /** how long a connection may take to present the token before it is dropped */
  proveWithinMs: number;
}

/** A browser opens about six connections per origin and sends its first request within milliseconds. */
const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = { maxUnproven: 64, proveWithinMs: 10_000 };

interface ConnectionGuard {
  /** The socket carried a request with the right Host and token: it is the app's, and stays. */
  prove(socket: Socket): void;
  /** connections still waiting to present the token (for tests and diagnostics) */
  unprovenCount(): number;
  close(): void;
}

export function guardConnections(server: Server, limits: ConnectionLimits = DEFAULT_CONNECTION_LIMITS): ConnectionGuard {
  // Insertion-ordered: the first entry is the oldest unproven connection.
  const unproven = new Map<Socket, NodeJS.Timeout>();

  const forget = (socket: Socket): void => {
    const timer = unproven.get(socket);
    if (timer === undefined) return;
    clearTimeout(timer);
    unproven.delete(socket);
  };

  const onConnection = (socket: Socket): void => {
    const timer = setTimeout(() => {
      unproven.delete(socket);
      socket.destroy();
    }, limits.proveWithinMs);
    timer.unref();
    unproven.set(socket, timer);
    socket.once('close', () => forget(socket));
    // Dropping the oldest rather than refusing the newest: the app's own next connection is the newest, and it
    // proves itself with its first request, long before a flood could push it out.
    while (unproven.size > limits.maxUnproven) {
      const oldest = unproven.keys().next().value as Socket;
      forget(oldest);
      oldest.destroy();
    }
  };
  server.on('connection', onConnection);

  return {
    prove: forget,
    unprovenCount: () => unproven.size,
    close() {
      server.off('connection', onConnection);
      for (const timer of unproven.values()) clearTimeout(timer);
      unproven.clear();
    },
  };
}
