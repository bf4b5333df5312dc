import { lookup } from 'node:dns/promises';
import { connect as netConnect, isIP, type Socket } from 'node:net';
import { checkServerIdentity, connect as tlsConnect, rootCertificates, type PeerCertificate, type TLSSocket } from 'node:tls';
import { CourierError, type HttpProgress, type TlsInfo } from '../../../shared/contract';
import { formatDuration, timeoutSettingNote } from '../../../shared/request';
import { tlsVerificationError, toCourierError } from './errors';
import { tapSocketReads, type ResponseHeadCapture } from './response-head-tap';

/** All addresses for a name, in the order to try them. */
export type ResolveHost = (hostname: string) => Promise<{ address: string; family: number }[]>;

/** What the connect of one hop measured; stays zero when the hop reused a connection. */
export interface ConnectRecord {
  dnsMs: number;
  connectMs: number;
  tlsMs: number;
  remoteAddress: string | null;
  remotePort: number | null;
  tls: TlsInfo | null;
  warnings: string[];
}

/** The hop that currently owns a client; the connector serves it and nobody else. */
export interface ConnectOwner {
  connectTimeoutMs: number;
  verifyTls: boolean;
  onPhase(phase: HttpProgress['phase']): void;
  /** set by the connector when it opened a new connection for this owner */
  record: ConnectRecord | null;
  /** set while a connect is in flight, so cancel can tear it down at once */
  abortConnect: ((error: CourierError) => void) | null;
  /** receives the head undici publishes just before writing it */
  onRequestHead(published: string): void;
  /** the response head as read off the socket */
  responseHead: ResponseHeadCapture;
}

export interface ConnectorDeps {
  isRefusedAddress?: ((address: string, port: number) => boolean) | undefined;
  resolveHost?: ResolveHost | undefined;
  extraCaCertificates?: string[] | undefined;
}

interface ConnectorOptions {
  hostname: string;
  port: string;
  protocol: string;
}

type Callback = (...args: [null, Socket | TLSSocket] | [Error, null]) => void;

const defaultResolve: ResolveHost = (hostname) => lookup(hostname, { all: true });

function formatName(name: PeerCertificate['subject'] | undefined): string | null {
  if (!name) return null;
  const parts = Object.entries(name).map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : String(value)}`);
  return parts.length > 0 ? parts.join(', ') : null;
}

function describeTls(socket: TLSSocket, verified: boolean): TlsInfo {
  const cert = socket.getPeerCertificate();
  const cipher = socket.getCipher();
  return {
    verified,
    protocol: socket.getProtocol() ?? null,
    cipher: cipher?.name ?? null,
    subject: formatName(cert?.subject),
    issuer: formatName(cert?.issuer),
    validTo: cert?.valid_to ?? null,
  };
}

/**
 * Builds the connect function for one undici Client. It does what undici's own connector does, but in steps we
 * can time (DNS, TCP, TLS), check (isRefusedAddress after DNS) and tear down mid-way when a request is cancelled.
 */
export function createConnector(
  deps: ConnectorDeps,
  getOwner: () => ConnectOwner | null,
  onConnected: (socket: Socket | TLSSocket, record: ConnectRecord) => void,
) {
  const resolve = deps.resolveHost ?? defaultResolve;
  const ca = deps.extraCaCertificates && deps.extraCaCertificates.length > 0 ? [...rootCertificates, ...deps.extraCaCertificates] : undefined;

  return function connect(options: ConnectorOptions, callback: Callback): void {
    const owner = getOwner();
    if (owner === null) {
      callback(new CourierError('INTERNAL', 'A connection was opened without a request.'), null);
      return;
    }
    const hostname = options.hostname.startsWith('[') ? options.hostname.slice(1, -1) : options.hostname;
    const secure = options.protocol === 'https:';
    const port = Number(options.port) || (secure ? 443 : 80);
    const record: ConnectRecord = { dnsMs: 0, connectMs: 0, tlsMs: 0, remoteAddress: null, remotePort: null, tls: null, warnings: [] };
    owner.record = record;
    let done = false;
    let rawSocket: Socket | null = null;
    let tlsSocket: TLSSocket | null = null;
    let timer: NodeJS.Timeout | null = null;

    const finish = (error: Error | null, socket: Socket | TLSSocket | null): void => {
      if (done) return;
      done = true;
      owner.abortConnect = null;
      if (timer !== null) clearTimeout(timer);
      if (error !== null || socket === null) {
        // A torn-down socket can still emit a late error; with no listener that would crash the process.
        tlsSocket?.on('error', ignore).destroy();
        rawSocket?.on('error', ignore).destroy();
        callback(error ?? new CourierError('INTERNAL', 'The connection could not be set up.'), null);
        return;
      }
      tapSocketReads(socket, () => getOwner()?.responseHead ?? null);
      onConnected(socket, record);
      callback(null, socket);
    };
    owner.abortConnect = (error) => finish(error, null);
    const hostLabel = `${hostname}:${port}`;
    const failAs =
      (host: string) =>
      (error: unknown): void =>
        finish(toCourierError(error, { host, phase: 'connect', expectedBodyBytes: null, receivedBodyBytes: 0, idleTimeoutMs: 0 }), null);
    const fail = failAs(hostLabel);

    // curl's connect timeout covers DNS, TCP and TLS together; so does ours.
    if (owner.connectTimeoutMs > 0) {
      timer = setTimeout(() => {
        const within = `within ${formatDuration(owner.connectTimeoutMs)} ${timeoutSettingNote('Connect timeout')}`;
        // Connected but no TLS answer: most often https:// to a port that serves plain HTTP, which waits in silence.
        const message =
          tlsSocket !== null
            ? `Connected to ${hostLabel}, but the TLS handshake did not finish ${within}. If the server speaks plain HTTP on this port, use http:// instead of https://.`
            : `Could not connect to ${hostLabel} ${within}.`;
        finish(new CourierError('CONNECT_TIMEOUT', message), null);
      }, owner.connectTimeoutMs);
    }

    // "localhost" often resolves to ::1 first while a dev server listens on 127.0.0.1 only: like curl, try the
    // next address when one refuses.
    const startTcp = (addresses: string[], index: number): void => {
      if (done) return;
      const address = addresses[index] as string;
      if (deps.isRefusedAddress?.(address, port)) {
        finish(new CourierError('SELF_REQUEST_REFUSED', `Courier will not send a request to its own server (${hostLabel}).`, `${address}:${port}`), null);
        return;
      }
      owner.onPhase('connecting');
      const tcpStart = performance.now();
      const socket = netConnect({ host: address, port });
      rawSocket = socket;
      socket.setNoDelay(true);
      const onError = (error: Error): void => {
        const code = (error as { code?: unknown }).code;
        if (index + 1 < addresses.length && (code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EADDRNOTAVAIL')) {
          socket.destroy();
          startTcp(addresses, index + 1);
          return;
        }
        fail(error);
      };
      socket.once('error', onError);
      socket.once('connect', () => {
        record.connectMs = performance.now() - tcpStart;
        record.remoteAddress = socket.remoteAddress ?? address;
        record.remotePort = socket.remotePort ?? port;
        socket.removeListener('error', onError);
        if (!secure) {
          finish(null, socket);
          return;
        }
        socket.once('error', fail);
        startTls(socket);
      });
    };

    const startTls = (socket: Socket): void => {
      if (done) return;
      owner.onPhase('tls');
      const tlsStart = performance.now();
      // Verification is done by hand after the handshake so each failure maps to its own error and the details
      // (expiry date, issuer) are available for the message.
      const secureSocket = tlsConnect({
        socket,
        servername: isIP(hostname) ? undefined : hostname,
        rejectUnauthorized: false,
        ALPNProtocols: ['http/1.1'],
        ...(ca ? { ca } : {}),
      });
      tlsSocket = secureSocket;
      secureSocket.once('error', fail);
      secureSocket.once('secureConnect', () => {
        record.tlsMs = performance.now() - tlsStart;
        const cert = secureSocket.getPeerCertificate();
        let verified = secureSocket.authorized;
        if (owner.verifyTls) {
          if (!secureSocket.authorized) {
            const code = codeOfAuthorizationError(secureSocket.authorizationError);
            finish(tlsVerificationError(code, hostname, cert?.valid_to ?? null), null);
            return;
          }
          const mismatch = checkServerIdentity(hostname, cert);
          if (mismatch) {
            finish(tlsVerificationError('ERR_TLS_CERT_ALTNAME_INVALID', hostname, cert?.valid_to ?? null), null);
            return;
          }
        } else {
          verified = verified && checkServerIdentity(hostname, cert) === undefined;
          record.warnings.push(
            verified
              ? 'TLS verification was turned off for this request.'
              : `TLS verification was turned off: the certificate of ${hostname} was not checked and would not have been trusted.`,
          );
        }
        record.tls = describeTls(secureSocket, verified);
        secureSocket.removeListener('error', fail);
        socket.removeListener('error', fail);
        finish(null, secureSocket);
      });
    };

    if (isIP(hostname)) {
      startTcp([hostname], 0);
      return;
    }
    owner.onPhase('dns');
    const dnsStart = performance.now();
    resolve(hostname).then((addresses) => {
      record.dnsMs = performance.now() - dnsStart;
      if (addresses.length === 0) {
        failAs(hostname)(Object.assign(new Error('no addresses'), { code: 'ENOTFOUND' }));
        return;
      }
      startTcp(
        addresses.map((entry) => entry.address),
        0,
      );
    }, failAs(hostname));
  };
}

function ignore(): void {}

function codeOfAuthorizationError(error: Error | null | undefined): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return typeof error === 'string' ? error : (error?.message ?? '');
}
