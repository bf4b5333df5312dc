import { type Transform } from 'node:stream';
import { CourierError } from '../../../shared/contract';
import { type BodyWriter } from '../body-store';
import { createDecoder } from './decoding';

/**
 * How much may wait for the spool (encrypted and written on its own thread, body-store/spool-thread.ts) before the
 * socket is paused, and how little before it is resumed. At 4 MiB / 1 MiB the spool thread ran dry after every pause
 * while the socket filled up again; 16 MiB per download in flight is small beside the 128 MiB the store keeps in
 * memory.
 */
const WRITE_HIGH_WATER = 16 * 1024 * 1024;
const WRITE_LOW_WATER = 8 * 1024 * 1024;
/**
 * Decoded chunks smaller than this are gathered (up to this size, or until the next turn of the event loop) before
 * they are stored and shown live. An event stream often sends one event per HTTP chunk: a promise, a cipher call, a
 * file write and a text decode for every 250-byte event were most of the main process's work on a busy stream.
 */
const GATHER_BYTES = 64 * 1024;

interface BodyLimits {
  maxResponseBytes: number;
  maxDecodedBytes: number;
}

/**
 * Wire bytes in, decoded bytes out into the body store, with both caps enforced as the bytes flow, so a bomb or
 * an endless body is stopped after at most one chunk's worth of work.
 */
export class ResponseBodyPipeline {
  wireBytes = 0;
  decodedBytes = 0;
  private readonly first: Transform | null;
  private readonly last: Transform | null;
  private failure: CourierError | null = null;
  private writes: Promise<void> = Promise.resolve();
  private ended: Promise<void> | null = null;
  private resumeWire: (() => void) | null = null;
  private pendingWriteBytes = 0;
  private pausedForWrites = false;
  /** A decoder can reach the end of its stream before the wire body ends (data after it is ignored). */
  private decodedEnded = false;
  private gathered: Buffer[] = [];
  private gatheredBytes = 0;
  private gatherTimer: NodeJS.Immediate | null = null;

  constructor(
    private readonly writer: BodyWriter,
    encodings: string[],
    private readonly limits: BodyLimits,
    private readonly host: string,
    private readonly onFailure: (error: CourierError) => void,
    /** every decoded chunk as it is accepted, with the count so far (progress and the streaming preview) */
    private readonly onDecoded: (decodedBytes: number, chunk: Buffer) => void,
    /** sees every decoded chunk as it is accepted (the live SSE view) */
    private readonly onDecodedChunk: ((chunk: Buffer) => void) | null = null,
  ) {
    if (encodings.length === 0) {
      this.first = null;
      this.last = null;
      return;
    }
    // Undo codings in reverse of the order the server applied them.
    const chain = encodings
      .slice()
      .reverse()
      .map((coding) => createDecoder(coding));
    for (let i = 0; i < chain.length - 1; i++) (chain[i] as Transform).pipe(chain[i + 1] as Transform);
    for (const decoder of chain) decoder.on('error', (error) => this.fail(this.decodingError(error)));
    this.first = chain[0] as Transform;
    this.last = chain[chain.length - 1] as Transform;
    this.last.on('data', (chunk: Buffer) => this.acceptDecoded(chunk));
    this.last.once('end', () => {
      this.decodedEnded = true;
    });
    this.first.on('drain', () => this.resumeWire?.());
  }

  /** Returns false when the caller should pause the socket until `resume` is called. */
  write(chunk: Buffer, resume: () => void): boolean {
    if (this.failure !== null) return false;
    this.wireBytes += chunk.length;
    if (this.wireBytes > this.limits.maxResponseBytes) {
      this.fail(
        new CourierError(
          'RESPONSE_TOO_LARGE',
          `The response from ${this.host} is larger than the limit of ${formatBytes(this.limits.maxResponseBytes)}; it was stopped.`,
        ),
      );
      return false;
    }
    if (this.first === null) return this.acceptDecoded(chunk, resume);
    this.resumeWire = resume;
    return this.first.write(chunk);
  }

  /** Resolves once every decoded byte is in the writer. */
  end(): Promise<void> {
    this.ended ??= new Promise<void>((resolve, reject) => {
      const settle = (): void => {
        this.storeGathered();
        this.writes.then(() => (this.failure ? reject(this.failure) : resolve()), reject);
      };
      // (destroy() below drops what is gathered)
      this.storeGathered();
      // HEAD, 204 and 304 answers carry the Content-Encoding of a body they do not have; brotli rejects empty input.
      if (this.first === null || this.last === null || this.wireBytes === 0) {
        this.destroy();
        settle();
        return;
      }
      if (this.decodedEnded) {
        settle();
        return;
      }
      this.last.once('end', settle);
      this.last.once('close', () => {
        if (this.failure) reject(this.failure);
      });
      this.first.end();
    });
    return this.ended;
  }

  destroy(): void {
    if (this.gatherTimer !== null) clearImmediate(this.gatherTimer);
    this.gatherTimer = null;
    this.gathered = [];
    this.gatheredBytes = 0;
    this.first?.destroy();
    this.last?.destroy();
  }

  private acceptDecoded(chunk: Buffer, resume?: () => void): boolean {
    if (this.failure !== null) return false;
    this.decodedBytes += chunk.length;
    if (this.decodedBytes > this.limits.maxDecodedBytes) {
      this.fail(
        new CourierError(
          'DECOMPRESSED_TOO_LARGE',
          `The response from ${this.host} expands to more than ${formatBytes(this.limits.maxDecodedBytes)} when decompressed; it was stopped.`,
        ),
      );
      return false;
    }
    this.onDecoded(this.decodedBytes, chunk);
    this.pendingWriteBytes += chunk.length;
    if (chunk.length >= GATHER_BYTES && this.gatheredBytes === 0) this.store(chunk);
    else {
      this.gathered.push(chunk);
      this.gatheredBytes += chunk.length;
      if (this.gatheredBytes >= GATHER_BYTES) this.storeGathered();
      else this.gatherTimer ??= setImmediate(() => this.storeGathered());
    }
    // Spooling to disk can be slower than the network: hold the source while too much is waiting for the file.
    if (this.pendingWriteBytes > WRITE_HIGH_WATER) {
      this.pausedForWrites = true;
      if (this.last) {
        this.last.pause();
        return true;
      }
      if (resume) this.resumeWire = resume;
      return false;
    }
    return true;
  }

  private storeGathered(): void {
    if (this.gatherTimer !== null) clearImmediate(this.gatherTimer);
    this.gatherTimer = null;
    if (this.gatheredBytes === 0 || this.failure !== null) return;
    const chunk = this.gathered.length === 1 ? this.gathered[0]! : Buffer.concat(this.gathered, this.gatheredBytes);
    this.gathered = [];
    this.gatheredBytes = 0;
    this.store(chunk);
  }

  private store(chunk: Buffer): void {
    this.onDecodedChunk?.(chunk);
    const length = chunk.length;
    this.writes = this.writer.write(chunk).then(
      () => {
        this.pendingWriteBytes -= length;
        if (this.pausedForWrites && this.pendingWriteBytes <= WRITE_LOW_WATER) {
          this.pausedForWrites = false;
          if (this.last) this.last.resume();
          else this.resumeWire?.();
        }
      },
      (error: unknown) => {
        this.fail(error instanceof CourierError ? error : new CourierError('INTERNAL', 'The response body could not be stored.'));
      },
    );
  }

  private decodingError(error: Error): CourierError {
    const code = (error as { code?: unknown }).code;
    return new CourierError(
      'DECODING_FAILED',
      `The response from ${this.host} says it is compressed, but it could not be decompressed (the data is corrupt).`,
      typeof code === 'string' ? code : undefined,
    );
  }

  private fail(error: CourierError): void {
    if (this.failure !== null) return;
    this.failure = error;
    this.destroy();
    this.onFailure(error);
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
