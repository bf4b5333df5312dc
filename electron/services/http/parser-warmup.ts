import { type Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { type buildConnector, type Dispatcher } from 'undici';
import { Client } from './undici-client';

// undici's llhttp parser is process-wide state inside undici; compiling it once per process is all there is to do.
let warmed = false;

/**
 * undici compiles its llhttp WebAssembly parser on the first connection of the process (~7 ms), which the first
 * request would otherwise spend in "sending". This makes that first connection through undici's public `connect`
 * option, to an in-memory socket that swallows what is written: no network, no file, nothing left behind.
 */
export function warmUpHttpParser(): void {
  if (warmed) return;
  warmed = true;
  try {
    const socket = new Duplex({
      read() {
        // never answers
      },
      write(_chunk, _encoding, callback) {
        callback();
      },
    });
    const connect: buildConnector.connector = (_options, callback) => {
      callback(null, socket as unknown as Socket);
    };
    const client = new Client('http://parser-warmup.invalid', { connect });
    const done = (): void => {
      client.destroy().catch(() => undefined);
      socket.destroy();
    };
    client.on('connectionError', () => undefined);
    client.once('connect', done);
    // undici's legacy handler shape (as in hop.ts): a handler without onConnect is refused before connecting.
    const handler: Dispatcher.DispatchHandler = {
      onConnect: () => undefined,
      onError: () => undefined,
      onHeaders: () => false,
      onData: () => false,
      onComplete: () => undefined,
    };
    client.dispatch({ path: '/', method: 'GET' }, handler);
  } catch {
    // Only an optimisation: the first real request compiles the parser itself.
  }
}
