import { spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { brotliCompressSync, constants, createBrotliCompress, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { onRequestHead, startRawServer, type TestServer } from './servers';

/**
 * One raw TCP server whose paths misbehave in the ways real servers do (and attackers like): see ROUTES.
 * Everything is written straight to the socket, so the bytes are exactly what the test says.
 */
export function startHostileServer(): Promise<TestServer> {
  return startRawServer((socket) => {
    onRequestHead(socket, (head) => {
      const target = head.split(' ')[1] ?? '/';
      const url = new URL(target, 'http://hostile');
      const route = ROUTES[url.pathname];
      if (route) route(socket, url.searchParams);
      else socket.end('HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n');
    });
  });
}

type Route = (socket: Socket, params: URLSearchParams) => void;

/** Writes chunks from `next` as fast as the peer reads them, until `next` returns null or the peer goes away. */
function pump(socket: Socket, next: () => Buffer | null): void {
  const write = (): void => {
    for (;;) {
      if (socket.destroyed) return;
      const chunk = next();
      if (chunk === null) {
        socket.end();
        return;
      }
      if (!socket.write(chunk)) {
        socket.once('drain', write);
        return;
      }
    }
  };
  write();
}

function every(socket: Socket, ms: number, tick: () => boolean): void {
  const timer = setInterval(() => {
    if (socket.destroyed || !tick()) clearInterval(timer);
  }, ms);
  socket.on('close', () => clearInterval(timer));
}

// 10 MiB of zeros gzip to ~10 KiB; concatenated gzip members are one valid stream, so repeating one member gives
// gigabytes of output from a few MiB on the wire without ever building the bomb in memory.
let bombMember: Buffer | null = null;

// A deflate stream cannot be concatenated, but a block written with a full flush is byte-aligned and refers to
// nothing before it: repeating one after a zlib header gives an endless stream of zeros (~1000:1).
let deflateBombSegment: Buffer | null = null;

// Brotli likewise: after a flush, the next 1 MiB of zeros encodes to the same ~100 bytes every time (~10000:1).
let brotliBombParts: Promise<{ first: Buffer; next: Buffer }> | null = null;

function brotliZeroSegments(): Promise<{ first: Buffer; next: Buffer }> {
  brotliBombParts ??= new Promise((resolve) => {
    const encoder = createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_LGWIN]: 16 } });
    const out: Buffer[] = [];
    encoder.on('data', (chunk: Buffer) => out.push(chunk));
    const segment = (done: (bytes: Buffer) => void): void => {
      encoder.write(Buffer.alloc(1024 * 1024));
      encoder.flush(constants.BROTLI_OPERATION_FLUSH, () => done(Buffer.concat(out.splice(0))));
    };
    segment((first) =>
      segment((next) => {
        encoder.destroy();
        resolve({ first, next });
      }),
    );
  });
  return brotliBombParts;
}

/** What /trailing decodes to. */
export const TRAILING_SAMPLE = Buffer.from('Courier decodes this. '.repeat(200));

const ROUTES: Record<string, Route> = {
  '/bad-chunked': (socket) => {
    socket.end('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n5\r\nhello\r\nzz-not-hex\r\n');
  },
  '/truncated-chunked': (socket) => {
    socket.end('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n100\r\nonly a few bytes of a 256-byte chunk');
  },
  '/short-content-length': (socket) => {
    socket.end('HTTP/1.1 200 OK\r\ncontent-length: 1000\r\n\r\nten bytes.');
  },
  '/reset-mid-body': (socket) => {
    socket.write('HTTP/1.1 200 OK\r\ncontent-length: 100000\r\n\r\n');
    socket.write(Buffer.alloc(1000, 97), () => setTimeout(() => socket.resetAndDestroy(), 20));
  },
  '/http10': (socket) => {
    socket.end('HTTP/1.0 200 Fine Thanks\r\nX-Odd:   spaced  \r\nContent-Length: 2\r\n\r\nok');
  },
  '/until-close': (socket) => {
    // HTTP/1.0 style: no length, no chunking, the body ends when the connection does.
    socket.write('HTTP/1.1 200 OK\r\nconnection: close\r\n\r\n');
    socket.end(Buffer.from([0xff, 0x00, 0xc3, 0x28, 0x41]));
  },
  '/close-before-response': (socket) => {
    socket.end();
  },
  '/garbage': (socket) => {
    socket.end('SMTP ready, definitely not HTTP\r\n\r\n');
  },
  '/headers-never-end': (socket) => {
    socket.write('HTTP/1.1 200 OK\r\nx-started: yes\r\n');
  },
  '/stall-waiting': () => {
    // read the request, never answer
  },
  '/stall-body': (socket, params) => {
    const size = Number(params.get('bytes') ?? '65536');
    socket.write(`HTTP/1.1 200 OK\r\ncontent-length: ${size * 10}\r\n\r\n`);
    socket.write(Buffer.alloc(size, 98));
  },
  '/huge-headers': (socket) => {
    socket.end(`HTTP/1.1 200 OK\r\nx-huge: ${'a'.repeat(1024 * 1024)}\r\ncontent-length: 0\r\n\r\n`);
  },
  '/six-encodings': (socket) => {
    const body = Buffer.from('abc');
    socket.end(`HTTP/1.1 200 OK\r\ncontent-encoding: gzip, gzip, gzip, br, deflate, gzip\r\ncontent-length: ${body.length}\r\n\r\nabc`);
  },
  '/endless': (socket) => {
    socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/octet-stream\r\n\r\n');
    const chunk = Buffer.alloc(64 * 1024, 120);
    pump(socket, () => chunk);
  },
  '/gzip-bomb': (socket, params) => {
    bombMember ??= gzipSync(Buffer.alloc(10 * 1024 * 1024), { level: 9 });
    const members = Number(params.get('members') ?? '1000');
    socket.write(`HTTP/1.1 200 OK\r\ncontent-encoding: gzip\r\ncontent-length: ${bombMember.length * members}\r\n\r\n`);
    let sent = 0;
    pump(socket, () => (sent++ < members ? (bombMember as Buffer) : null));
  },
  '/deflate-bomb': (socket, params) => {
    deflateBombSegment ??= deflateRawSync(Buffer.alloc(10 * 1024 * 1024), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
    const segment = deflateBombSegment;
    // 10 MiB per segment; the default streams 10 GiB of zeros
    const segments = Number(params.get('segments') ?? '1024');
    socket.write(`HTTP/1.1 200 OK\r\ncontent-encoding: deflate\r\ncontent-length: ${2 + segment.length * segments}\r\n\r\n`);
    socket.write(Buffer.from([0x78, 0x9c]));
    let sent = 0;
    pump(socket, () => (sent++ < segments ? segment : null));
  },
  '/br-bomb': (socket, params) => {
    // 1 MiB per segment; the default streams 10 GiB of zeros
    const segments = Number(params.get('segments') ?? '10240');
    void brotliZeroSegments().then(({ first, next }) => {
      socket.write(`HTTP/1.1 200 OK\r\ncontent-encoding: br\r\ncontent-length: ${first.length + next.length * (segments - 1)}\r\n\r\n`);
      let sent = 0;
      pump(socket, () => (sent++ < segments ? (sent === 1 ? first : next) : null));
    });
  },
  '/trailing': (socket, params) => {
    // A complete compressed body, then, in later packets, bytes after the end of the compressed stream.
    const coding = params.get('coding') ?? 'deflate';
    const compressed = coding === 'br' ? brotliCompressSync(TRAILING_SAMPLE) : coding === 'gzip' ? gzipSync(TRAILING_SAMPLE) : deflateSync(TRAILING_SAMPLE);
    const trailing = coding === 'gzip' ? Buffer.alloc(8) : Buffer.from('GARBAGE');
    socket.write(`HTTP/1.1 200 OK\r\nconnection: close\r\ncontent-encoding: ${coding}\r\ncontent-length: ${compressed.length + trailing.length}\r\n\r\n`);
    socket.write(compressed);
    // Two late packets: the decoder has ended on the first by the time the second completes the body.
    setTimeout(() => socket.write(trailing.subarray(0, 4)), 50);
    setTimeout(() => socket.end(trailing.subarray(4)), 100);
  },
  '/not-modified-with-length': (socket) => {
    // RFC 9110 §8.6: a 304 may carry the Content-Length the full response would have had; no body follows.
    socket.write('HTTP/1.1 304 Not Modified\r\netag: "v1"\r\ncontent-length: 1234\r\n\r\n');
  },
  '/no-content-with-length': (socket) => {
    socket.write('HTTP/1.1 204 No Content\r\ncontent-length: 10\r\n\r\n');
  },
  '/head-with-length': (socket) => {
    socket.write('HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-encoding: gzip\r\ncontent-length: 1234\r\n\r\n');
  },
  '/length-and-chunked': (socket) => {
    socket.end('HTTP/1.1 200 OK\r\ncontent-length: 5\r\ntransfer-encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n');
  },
  '/two-lengths': (socket) => {
    socket.end('HTTP/1.1 200 OK\r\ncontent-length: 5\r\ncontent-length: 6\r\n\r\nhello!');
  },
  '/drip': (socket, params) => {
    const interval = Number(params.get('interval') ?? '50');
    const count = Number(params.get('count') ?? '5');
    socket.write(`HTTP/1.1 200 OK\r\nconnection: close\r\ncontent-length: ${count}\r\n\r\n`);
    let sent = 0;
    every(socket, interval, () => {
      socket.write('x');
      sent += 1;
      if (sent >= count) socket.end();
      return sent < count;
    });
  },
  '/drip-headers': (socket, params) => {
    const interval = Number(params.get('interval') ?? '50');
    const head = Buffer.from('HTTP/1.1 200 OK\r\nconnection: close\r\ncontent-length: 2\r\n\r\nok');
    let index = 0;
    every(socket, interval, () => {
      socket.write(head.subarray(index, index + 8));
      index += 8;
      if (index >= head.length) socket.end();
      return index < head.length;
    });
  },
};

/**
 * A listener that never accepts, with its accept queue already full, so a new TCP connect hangs in SYN-SENT:
 * the only portable way to stall the connect phase on loopback. Needs python3 (Node always accepts).
 */
export async function startStalledListener(): Promise<{ port: number; close(): Promise<void> }> {
  const child = spawn(
    'python3',
    ['-c', "import socket,sys\ns=socket.socket()\ns.bind(('127.0.0.1',0))\ns.listen(0)\nprint(s.getsockname()[1],flush=True)\nsys.stdin.read()"],
    {
      stdio: ['pipe', 'pipe', 'ignore'],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.stdout.once('data', (data: Buffer) => resolve(Number(data.toString().trim())));
  });
  // With a backlog of 0 the kernel queues exactly one finished handshake; this filler takes that slot.
  const filler = connect(port, '127.0.0.1');
  filler.on('error', () => undefined);
  await new Promise<void>((resolve) => filler.once('connect', () => resolve()));
  return {
    port,
    close: async () => {
      filler.destroy();
      child.stdin.end();
      child.kill();
      await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
    },
  };
}
