import type { IncomingMessage } from 'node:http';
import { rootCertificates } from 'node:tls';
import WebSocket, { type RawData } from 'ws';
import { CourierError, type WsEvent, type WsHandshake, type WsMessage, type WsRequestSpec } from '../../../shared/contract';
import { backoffDelay } from './backoff';
import { composeWsUrl, defaultPort } from './compose-url';
import { guardedLookup, isRefusedLiteral } from './guarded-lookup';
import { validateHandshakeHeaders } from './handshake-headers';
import { MessageLog } from './message-log';
import { toWsError } from './ws-errors';

interface SessionDeps {
  emit(event: WsEvent): void;
  flush(): void;
  isRefusedAddress?: ((address: string, port: number) => boolean) | undefined;
  userAgent: string;
  extraCaCertificates?: string[] | undefined;
}

const BODY_EXCERPT_BYTES = 4096;
const BODY_READ_MS = 1000;

function rawHeaderList(raw: string[]): [string, string][] {
  const list: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) list.push([raw[i] as string, raw[i + 1] as string]);
  return list;
}

function readExcerpt(res: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (): void => {
      clearTimeout(timer);
      res.removeAllListeners('data');
      resolve(Buffer.concat(chunks).subarray(0, BODY_EXCERPT_BYTES).toString('utf8'));
    };
    const timer = setTimeout(done, BODY_READ_MS);
    res.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= BODY_EXCERPT_BYTES) done();
    });
    res.once('end', done);
    res.once('error', done);
    res.once('close', done);
  });
}

/**
 * One WebSocket session: a socket, its log, and (when asked for) reconnection after an unexpected close. Every
 * failure becomes an 'error' event with a CourierError's code and message; nothing thrown by a socket escapes.
 */
export class WsSession {
  private socket: WebSocket | null = null;
  private seq = 0;
  private readonly log: MessageLog;
  private disposed = false;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private attempt = 0;
  private readonly host: string;
  private readonly url: URL;

  constructor(
    private readonly spec: WsRequestSpec,
    private readonly deps: SessionDeps,
  ) {
    this.url = composeWsUrl(spec);
    this.host = this.url.host;
    this.log = new MessageLog(spec.settings.logCap);
  }

  /** The first connection: resolves with the handshake, rejects with why it did not open. */
  connect(): Promise<WsHandshake> {
    return this.open();
  }

  async send(kind: 'text' | 'json' | 'binary', data: string): Promise<{ seq: number; size: number }> {
    const socket = this.requireOpen();
    let payload: Buffer | string;
    if (kind === 'binary') payload = Buffer.from(data, 'base64');
    else {
      if (kind === 'json') {
        try {
          JSON.parse(data);
        } catch (error) {
          throw new CourierError('INVALID_BODY', `The message is not valid JSON: ${(error as Error).message}`);
        }
      }
      payload = data;
    }
    const size = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
    const message = this.record('sent', kind === 'binary' ? 'binary' : 'text', size, payload);
    return new Promise((resolve, reject) => {
      socket.send(payload, { binary: kind === 'binary' }, (error) => {
        if (error) reject(toWsError(error, this.host, this.errorContext(true)));
        else resolve({ seq: message.seq, size });
      });
    });
  }

  ping(): void {
    const socket = this.requireOpen();
    socket.ping();
    this.record('sent', 'ping', 0, Buffer.alloc(0));
  }

  messages(): { messages: WsMessage[]; dropped: number } {
    return { messages: this.log.all(), dropped: this.log.droppedCount() };
  }

  /** Disconnect: a clean close when open, an abort when connecting; no reconnection afterwards. */
  close(code = 1000, reason = ''): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.reconnectTimer !== null) {
      clearTimeout(this.reconnectTimer);
      this.reconnectTimer = null;
      this.state('closed');
    }
    const socket = this.socket;
    if (socket === null) return;
    if (socket.readyState === WebSocket.OPEN) {
      this.state('closing');
      socket.close(code, reason);
      // A server that never answers the close frame must not keep the socket forever.
      const force = setTimeout(() => socket.terminate(), 3000);
      force.unref();
      socket.once('close', () => clearTimeout(force));
    } else if (socket.readyState === WebSocket.CONNECTING) {
      socket.terminate();
    }
  }

  private requireOpen(): WebSocket {
    const socket = this.socket;
    if (socket === null || socket.readyState !== WebSocket.OPEN) {
      throw new CourierError('WS_NOT_OPEN', 'The connection is not open. Connect first, then send.');
    }
    return socket;
  }

  private errorContext(open: boolean) {
    return { open, maxMessageBytes: this.spec.settings.maxMessageBytes, connectTimeoutMs: this.spec.settings.connectTimeoutMs };
  }

  private state(state: 'connecting' | 'open' | 'closing' | 'closed' | 'reconnecting', extra: { attempt?: number; delayMs?: number } = {}): void {
    this.deps.emit({ type: 'state', at: Date.now(), state, ...extra });
  }

  private record(direction: WsMessage['direction'], kind: WsMessage['kind'], size: number, payload: Buffer | string | RawData): WsMessage {
    const opcode = kind === 'text' ? 1 : kind === 'binary' ? 2 : kind === 'ping' ? 9 : 10;
    this.seq += 1;
    const message: WsMessage = { seq: this.seq, direction, at: Date.now(), kind, opcode, size };
    if (kind === 'text') message.text = typeof payload === 'string' ? payload : toBuffer(payload).toString('utf8');
    else message.dataBase64 = (typeof payload === 'string' ? Buffer.from(payload) : toBuffer(payload)).toString('base64');
    this.log.add(message);
    this.deps.emit({ type: 'message', message });
    return message;
  }

  private recordClose(direction: WsMessage['direction'], code: number, reason: Buffer): void {
    this.seq += 1;
    const message: WsMessage = {
      seq: this.seq,
      direction,
      at: Date.now(),
      kind: 'close',
      opcode: 8,
      size: code === 1005 ? 0 : 2 + reason.length,
      text: reason.toString('utf8'),
      closeCode: code,
    };
    this.log.add(message);
    this.deps.emit({ type: 'message', message });
  }

  private open(): Promise<WsHandshake> {
    const { settings } = this.spec;
    const port = defaultPort(this.url);
    // Refused before a socket exists: the session ends at once ('closed'), never left "connecting".
    const refuse = (error: CourierError): Promise<WsHandshake> => {
      this.deps.emit({ type: 'error', at: Date.now(), error: error.toBridgeError() });
      this.state('closed');
      return Promise.reject(error);
    };
    if (isRefusedLiteral(this.url, this.deps.isRefusedAddress)) {
      return refuse(new CourierError('SELF_REQUEST_REFUSED', 'Courier does not connect to its own web server.', this.host));
    }
    const headers: Record<string, string> = { 'User-Agent': this.deps.userAgent };
    for (const row of this.spec.headers) if (row.enabled && row.name.trim() !== '') headers[row.name.trim()] = row.value;
    let socket: WebSocket;
    try {
      validateHandshakeHeaders(headers);
      socket = new WebSocket(this.url, this.spec.subprotocols, {
        headers,
        handshakeTimeout: settings.connectTimeoutMs > 0 ? settings.connectTimeoutMs : undefined,
        rejectUnauthorized: settings.verifyTls,
        // `ca` replaces the system roots, so extra certificates are added to them rather than used alone.
        ca: this.deps.extraCaCertificates ? [...rootCertificates, ...this.deps.extraCaCertificates] : undefined,
        maxPayload: settings.maxMessageBytes,
        followRedirects: false,
        lookup: guardedLookup(this.deps.isRefusedAddress, port) as never,
      });
    } catch (error) {
      // ws throws synchronously for what it cannot send (an invalid subprotocol, say): a typed error, not INTERNAL.
      return refuse(
        error instanceof CourierError ? error : new CourierError('INVALID_INPUT', `The connection could not be opened: ${(error as Error).message}`),
      );
    }
    this.state('connecting');
    return new Promise<WsHandshake>((resolve, reject) => {
      let opened = false;
      let settled = false;
      let rejected = false;
      let upgrade: IncomingMessage | null = null;
      this.socket = socket;
      const fail = (error: CourierError): void => {
        this.deps.emit({ type: 'error', at: Date.now(), error: error.toBridgeError() });
        if (!settled) {
          settled = true;
          reject(error);
        }
      };
      socket.on('upgrade', (res) => {
        upgrade = res;
      });
      socket.on('unexpected-response', (req, res) => {
        rejected = true;
        void readExcerpt(res).then((bodyExcerpt) => {
          req.destroy();
          const status = res.statusCode ?? 0;
          const statusText = res.statusMessage ?? '';
          this.deps.emit({ type: 'rejected', at: Date.now(), status, statusText, headers: rawHeaderList(res.rawHeaders), bodyExcerpt });
          fail(
            new CourierError(
              'WS_HANDSHAKE_REJECTED',
              `The server refused the WebSocket handshake with ${status}${statusText ? ` ${statusText}` : ''}.`,
              String(status),
            ),
          );
          this.afterClose(false);
        });
      });
      socket.on('open', () => {
        opened = true;
        this.attempt = 0;
        const handshake: WsHandshake = {
          url: this.url.href,
          status: upgrade?.statusCode ?? 101,
          statusText: upgrade?.statusMessage ?? 'Switching Protocols',
          headers: upgrade ? rawHeaderList(upgrade.rawHeaders) : [],
          protocol: socket.protocol,
          extensions: socket.extensions,
        };
        this.deps.emit({ type: 'handshake', at: Date.now(), handshake });
        this.state('open');
        this.deps.flush();
        settled = true;
        resolve(handshake);
      });
      socket.on('message', (data, isBinary) => {
        const size = Array.isArray(data) ? data.reduce((sum, part) => sum + part.length, 0) : (data as Buffer).byteLength;
        this.record('received', isBinary ? 'binary' : 'text', size, data);
      });
      socket.on('ping', (data) => this.record('received', 'ping', data.length, data));
      socket.on('pong', (data) => this.record('received', 'pong', data.length, data));
      socket.on('error', (error) => {
        if (rejected) return;
        fail(toWsError(error, this.host, this.errorContext(opened)));
        // After a protocol error `ws` sends a close frame and waits up to 30 s for the answer; a broken server
        // rarely gives one, and the user should see "closed" now.
        const force = setTimeout(() => socket.terminate(), 1000);
        force.unref();
        socket.once('close', () => clearTimeout(force));
      });
      socket.on('close', (code, reason) => {
        if (rejected) return;
        if (opened) {
          // 1006 means no close frame was exchanged; any other code came in (or went out in) one, so it is logged.
          if (code !== 1006) this.recordClose(this.disposed ? 'sent' : 'received', code, reason);
          this.deps.emit({ type: 'closed', at: Date.now(), code, reason: reason.toString('utf8'), byClient: this.disposed });
        }
        if (!settled) fail(new CourierError('CONNECTION_RESET', `${this.host} closed the connection during the handshake.`));
        this.afterClose(opened);
      });
    });
  }

  private afterClose(wasOpen: boolean): void {
    this.socket = null;
    const { settings } = this.spec;
    const attempts = wasOpen ? 1 : this.attempt + 1;
    if (this.disposed || !settings.autoReconnect || (this.attempt === 0 && !wasOpen) || attempts > settings.reconnectMaxAttempts) {
      this.state('closed');
      this.deps.flush();
      return;
    }
    this.attempt = attempts;
    const delayMs = backoffDelay(attempts, settings.reconnectInitialDelayMs, settings.reconnectMaxDelayMs);
    this.state('reconnecting', { attempt: attempts, delayMs });
    this.deps.flush();
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.disposed) return;
      this.open().catch(() => undefined);
    }, delayMs);
  }
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
