import { type BodyRef } from '../../../shared/contract';
import { type BodyKind, type JsonSequenceSummary } from '../../../shared/response';
import { type BodyWorkerReply, type BodyWorkerRequest } from '../../workers/body-protocol';
import { readBodyRanges } from './read-body-ranges';

/** Above this the body is not loaded by default: a preview and "Load anyway" / "Save" are offered instead. */
const AUTO_LOAD_LIMIT = 50 * 1024 * 1024;
/** Above this Monaco runs with fewer whole-document features. */
export const LITE_EDITOR_LIMIT = 10 * 1024 * 1024;
const PREVIEW_BYTES = 64 * 1024;

export type BodyLoaderEvent =
  | { type: 'progress'; received: number; total: number }
  | { type: 'preview'; kind: BodyKind; text: string }
  | {
      type: 'text';
      kind: BodyKind;
      chunks: ArrayBuffer[];
      pretty: boolean;
      prettyError: string | null;
      variant: 'pretty' | 'raw';
      byteLength: number;
      records: JsonSequenceSummary | null;
    }
  | { type: 'bytes'; kind: BodyKind; bytes: Uint8Array; partial: boolean }
  | { type: 'error'; message: string };

let nextJob = 1;

/**
 * Reads one response body through the bridge in ranges and hands them to the body worker. The main thread only
 * moves bytes along (transferred, not copied); decoding and formatting happen in the worker.
 */
export class BodyLoader {
  private readonly worker: Worker;
  private job = 0;
  private partial = false;
  private blobWaiters: Array<(blob: Blob) => void> = [];
  private disposed = false;

  constructor(
    private readonly body: BodyRef,
    private readonly emit: (event: BodyLoaderEvent) => void,
  ) {
    this.worker = new Worker(new URL('../../workers/body-worker.ts', import.meta.url), { type: 'module', name: 'body-worker' });
    this.worker.onmessage = (event: MessageEvent<BodyWorkerReply>) => this.onReply(event.data);
    this.worker.onerror = () => this.emit({ type: 'error', message: 'The body could not be processed.' });
  }

  get tooLargeToAutoLoad(): boolean {
    return this.body.size > AUTO_LOAD_LIMIT;
  }

  /** Loads for display: everything, or only the preview range of a body over the auto-load limit. */
  start(options: { full: boolean }): Promise<void> {
    return options.full ? this.read(this.body.size, 'full') : this.read(Math.min(this.body.size, PREVIEW_BYTES), 'preview');
  }

  requestRaw(): void {
    this.send({ type: 'raw-text', job: this.job });
  }

  /** The whole body as a Blob (reading the rest first if only a preview was loaded). */
  async blob(): Promise<Blob> {
    if (this.partial) await this.read(this.body.size, 'bytes');
    return new Promise<Blob>((resolve) => {
      this.blobWaiters.push(resolve);
      this.send({ type: 'blob', job: this.job });
    });
  }

  dispose(): void {
    this.disposed = true;
    this.worker.terminate();
  }

  private send(message: BodyWorkerRequest, transfer: Transferable[] = []): void {
    if (!this.disposed) this.worker.postMessage(message, transfer);
  }

  /** preview: the first range only; full: everything, then the view; bytes: everything, kept for a Blob, no view. */
  private async read(limit: number, mode: 'preview' | 'full' | 'bytes'): Promise<void> {
    const job = nextJob++;
    this.job = job;
    this.partial = limit < this.body.size;
    this.send({ type: 'begin', job, contentType: this.body.contentType, total: limit });
    try {
      await readBodyRanges(this.body.id, limit, (bytes, received) => {
        if (this.disposed || job !== this.job) return false;
        // the reply's buffer holds only this range (and, in web mode, the frame's small header): nothing else needs it
        this.send({ type: 'chunk', job, bytes }, [bytes.buffer]);
        if (mode !== 'bytes') this.emit({ type: 'progress', received, total: limit });
        return true;
      });
    } catch (error) {
      if (!this.disposed) this.emit({ type: 'error', message: (error as Error).message });
      return;
    }
    if (this.disposed || job !== this.job) return;
    // Saving only needs the bytes; re-rendering the view the user is looking at would be wasted work.
    if (mode !== 'bytes') this.send({ type: 'finish', job, partial: this.partial });
  }

  private onReply(reply: BodyWorkerReply): void {
    if (this.disposed || reply.job !== this.job) return;
    switch (reply.type) {
      case 'preview':
        this.emit({ type: 'preview', kind: reply.kind, text: reply.text });
        break;
      case 'text':
        this.emit({
          type: 'text',
          kind: reply.kind,
          chunks: reply.chunks,
          pretty: reply.pretty,
          prettyError: reply.prettyError,
          variant: reply.variant,
          byteLength: reply.byteLength,
          records: reply.records,
        });
        break;
      case 'bytes':
        this.emit({ type: 'bytes', kind: reply.kind, bytes: new Uint8Array(reply.bytes), partial: this.partial });
        break;
      case 'blob': {
        const waiters = this.blobWaiters;
        this.blobWaiters = [];
        for (const resolve of waiters) resolve(reply.blob);
        break;
      }
      case 'error':
        this.emit({ type: 'error', message: reply.message });
        break;
    }
  }
}
