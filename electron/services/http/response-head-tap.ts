import { type Socket } from 'node:net';

/**
 * Keeps the response head exactly as it came off the wire. undici parses heads without exposing the status line's
 * HTTP version or the original text, so the connector wraps socket.read (undici reads in paused mode) and hands
 * each chunk to whoever owns the connection; capturing costs nothing once the head is complete.
 */
export class ResponseHeadCapture {
  private buffer = '';
  private capturing = false;
  head: string | null = null;

  constructor(private readonly limitBytes: number) {}

  start(): void {
    this.capturing = true;
    this.buffer = '';
    this.head = null;
  }

  onBytes(chunk: Buffer): void {
    if (!this.capturing) return;
    this.buffer += chunk.toString('latin1', 0, Math.min(chunk.length, this.limitBytes));
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end === -1) break;
      const head = this.buffer.slice(0, end + 4);
      // 1xx interim heads come first; the final head is the one after them.
      if (/^HTTP\/\d(?:\.\d)? 1\d\d/.test(head)) {
        this.buffer = this.buffer.slice(end + 4);
        continue;
      }
      this.head = head;
      this.capturing = false;
      this.buffer = '';
      return;
    }
    if (this.buffer.length > this.limitBytes) {
      this.capturing = false;
      this.buffer = '';
    }
  }

  /** "1.1", "1.0"… from the captured status line */
  get httpVersion(): string | null {
    const match = this.head ? /^HTTP\/(\d(?:\.\d)?) /.exec(this.head) : null;
    return match ? (match[1] as string) : null;
  }
}

export function tapSocketReads(socket: Socket, sink: () => ResponseHeadCapture | null): void {
  const read = socket.read;
  socket.read = function tappedRead(this: Socket, size?: number) {
    const chunk: unknown = read.call(this, size);
    if (chunk !== null && Buffer.isBuffer(chunk)) sink()?.onBytes(chunk);
    return chunk;
  };
}
