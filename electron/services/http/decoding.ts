import { Transform, type TransformCallback } from 'node:stream';
import { constants, createBrotliDecompress, createGunzip, createInflate, createInflateRaw, type Inflate, type InflateRaw } from 'node:zlib';
import { CourierError, type HeaderList } from '../../../shared/contract';

// More than two stacked codings has no legitimate use and multiplies decompression cost: a classic bomb shape.
const MAX_ENCODINGS = 2;
const KNOWN = new Set(['gzip', 'x-gzip', 'deflate', 'br']);

interface DecodingPlan {
  /** codings as the server applied them, to be undone in reverse */
  encodings: string[];
  warnings: string[];
}

export function planDecoding(headers: HeaderList): DecodingPlan {
  const encodings: string[] = [];
  for (const [name, value] of headers) {
    if (name.length !== 16 || name.toLowerCase() !== 'content-encoding') continue;
    for (const token of value.split(',')) {
      const coding = token.trim().toLowerCase();
      if (coding !== '' && coding !== 'identity') encodings.push(coding);
    }
  }
  if (encodings.length > MAX_ENCODINGS) {
    throw new CourierError(
      'TOO_MANY_ENCODINGS',
      `The response is compressed ${encodings.length} times over (${encodings.join(', ')}); Courier undoes at most ${MAX_ENCODINGS}.`,
      encodings.join(', ').slice(0, 200),
    );
  }
  const unknown = encodings.filter((coding) => !KNOWN.has(coding));
  if (unknown.length > 0) {
    return {
      encodings: [],
      warnings: [`The response uses a content encoding Courier cannot decode (${unknown.join(', ')}); the body is shown as received.`],
    };
  }
  return { encodings, warnings: [] };
}

/**
 * "deflate" should be zlib-wrapped (RFC 9110) but some servers send raw deflate, as browsers tolerate;
 * the first two bytes tell which.
 */
class DeflateDecoder extends Transform {
  private inner: Inflate | InflateRaw | null = null;
  private head = Buffer.alloc(0);
  /**
   * The inflater stops at the end of the deflate stream and ignores what follows; its 'end' can fire in the middle
   * of a write, so whatever waits for it must check this first.
   */
  private innerEnded = false;
  private pendingCallback: TransformCallback | null = null;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.innerEnded) {
      // Bytes after the end of the deflate stream: dropped, as browsers and curl do.
      callback();
      return;
    }
    if (this.inner === null) {
      this.head = Buffer.concat([this.head, chunk]);
      if (this.head.length < 2) {
        callback();
        return;
      }
      chunk = this.head;
      this.head = Buffer.alloc(0);
      this.start(chunk);
    }
    this.pendingCallback = callback;
    (this.inner as Inflate | InflateRaw).write(chunk, () => this.callPending());
  }

  override _flush(callback: TransformCallback): void {
    if (this.inner === null) this.start(this.head);
    if (this.innerEnded) {
      callback();
      return;
    }
    this.pendingCallback = callback;
    (this.inner as Inflate | InflateRaw).end();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.inner?.destroy();
    callback(error);
  }

  private callPending(): void {
    const callback = this.pendingCallback;
    this.pendingCallback = null;
    callback?.();
  }

  private start(first: Buffer): void {
    const b0 = first[0] ?? 0;
    const b1 = first[1] ?? 0;
    const zlibWrapped = (b0 & 0x0f) === 8 && ((b0 << 8) | b1) % 31 === 0;
    const inner = zlibWrapped ? createInflate(zlibFlush) : createInflateRaw(zlibFlush);
    inner.on('data', (out: Buffer) => this.push(out));
    inner.on('end', () => {
      this.innerEnded = true;
      this.callPending();
    });
    inner.on('error', (error) => this.destroy(error));
    this.inner = inner;
  }
}

// Truncated streams should fail, but servers often omit the final flush of a complete stream; Z_SYNC_FLUSH as
// finishFlush is what curl and browsers effectively accept.
const zlibFlush = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };

export function createDecoder(coding: string): Transform {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip(zlibFlush);
    case 'deflate':
      return new DeflateDecoder();
    case 'br':
      return createBrotliDecompress();
    default:
      throw new CourierError('INTERNAL', `No decoder for ${coding}.`);
  }
}
