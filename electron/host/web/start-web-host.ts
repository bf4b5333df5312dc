import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { createCourier, removeLeftoverSpool } from '../../core';
import { acquireDataDirLock, ensureDataDir } from '../../services/app-paths';
import { createLaunchToken, createWebAuth } from './auth';
import { createBridgeSockets } from './bridge-socket';
import { guardConnections, type ConnectionLimits } from './connection-guard';
import { createSelfRequestGuard } from './refused-address';
import { createRequestHandler } from './request-handler';
import { sendText } from './security-headers';
import { createUpgradeHandler } from './upgrade-handler';

/** Web mode listens on loopback only; there is deliberately no option to change it. */
const WEB_HOST_ADDRESS = '127.0.0.1';

export interface WebHostOptions {
  dataDir: string;
  /** The built renderer (dist/renderer); tests point it at a folder of their own. */
  staticRoot: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  version: string;
  platform?: string;
  onInternalError?: (error: unknown) => void;
  /** unlocks the vault at start (COURIER_VAULT_PASSPHRASE, read by the CLI) */
  vaultPassphrase?: string;
  /** scrypt cost for the vault; tests lower it */
  scrypt?: { N: number; r: number; p: number };
  /** bounds on connections that have not presented the token; tests shorten them */
  connectionLimits?: ConnectionLimits;
}

export interface WebHost {
  /** The address to open: http://127.0.0.1:<port>/s/<token>/, the token being the secret path. */
  url: string;
  /** "/s/<token>/": every request must start with it. */
  basePath: string;
  port: number;
  token: string;
  dataDir: string;
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: WEB_HOST_ADDRESS, exclusive: true }, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Starts the browser-facing host: a loopback HTTP server for the built renderer plus the bridge WebSocket, with the
 * same services and dispatch() the desktop app uses. Holds the data folder's lock until close().
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const onInternalError = options.onInternalError ?? ((error: unknown) => console.error('Courier internal error:', error));
  const dataDir = await ensureDataDir(options.dataDir);
  const lock = await acquireDataDirLock(dataDir, 'web mode');
  await removeLeftoverSpool(dataDir).catch(onInternalError);

  // The port is known only after listen(); until the handlers exist, anything that arrives is turned away.
  let onRequest = (_request: IncomingMessage, response: ServerResponse): void => sendText(response, 503, 'Starting.');
  let onUpgrade = (_request: IncomingMessage, socket: Duplex, _head: Buffer): void => {
    socket.destroy();
  };
  // Short header and request deadlines, checked every second, bound what a slow sender can hold; the guard bounds
  // connections that never send the token at all (idle sockets send nothing, so no request timer starts for them).
  const server = createServer(
    { requestTimeout: 30_000, headersTimeout: 10_000, connectionsCheckingInterval: 1_000, maxHeaderSize: 16 * 1024 },
    (request, response) => onRequest(request, response),
  );
  const guard = guardConnections(server, options.connectionLimits);
  const authorized = (request: IncomingMessage): void => guard.prove(request.socket);
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => onUpgrade(request, socket, head));
  server.on('clientError', (_error, socket) => socket.destroy());

  let port: number;
  try {
    port = await listen(server, options.port ?? 0);
  } catch (error) {
    guard.close();
    await lock.release();
    throw error;
  }

  const token = createLaunchToken();
  const auth = createWebAuth(token, port);
  const courier = createCourier({
    dataDir,
    mode: 'web',
    version: options.version,
    platform: options.platform,
    // A server cannot open the user's browser tab for them; the page opens links itself.
    openExternal: () => false,
    isRefusedAddress: createSelfRequestGuard(port),
    onInternalError,
    vaultPassphrase: options.vaultPassphrase,
    scrypt: options.scrypt,
  });
  const bridge = createBridgeSockets(courier.handlers, onInternalError);
  const stopEvents = courier.onEvent((event, payload) => bridge.broadcast(event, payload));
  onRequest = createRequestHandler(auth, options.staticRoot, onInternalError, authorized);
  onUpgrade = createUpgradeHandler(auth, bridge, authorized);

  let closing: Promise<void> | null = null;
  return {
    url: `http://${WEB_HOST_ADDRESS}:${port}${auth.basePath}`,
    basePath: auth.basePath,
    port,
    token,
    dataDir,
    close() {
      closing ??= (async () => {
        stopEvents();
        guard.close();
        bridge.close();
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await stopped;
        await courier.close();
        await lock.release();
      })();
      return closing;
    },
  };
}
