import { type HeaderList, type HttpBodyPreview, type HttpResponseHead } from '../../../shared/contract';
import { decideBodyKind, jsonSequenceOf, previewLines, textDecoderFor } from '../../../shared/response';
import { isEventStream } from '../../../shared/sse';
import { createMaskStream, redactText } from '../../../shared/variables';

/** As much as the viewer's own preview of a finished body reads (renderer/features/response-viewer/body-loader.ts). */
const PREVIEW_BYTES = 64 * 1024;

/**
 * The first 64 KiB of a body while the rest is still arriving, so the window can show its first lines long before
 * a large download ends. Only the raw bytes are kept as they come (one copy, at most 64 KiB per response); masking
 * and decoding happen when a progress event is about to go out, which a response that ends within the progress
 * throttle never reaches. Every secret the body store watches for is masked, in every spelling, by the same mask
 * stream history uses; the bytes it holds back (a secret may continue in the next chunk) are not shown.
 */
export class StreamingPreview {
  private parts: Buffer[] = [];
  private held = 0;
  /** raw bytes the last preview handed out was made from */
  private taken = 0;
  private readonly textual: boolean;

  constructor(
    private readonly contentType: string | null,
    private readonly secrets: readonly string[],
  ) {
    // a live event stream has its own view (http.sse)
    this.textual = !isEventStream(contentType);
  }

  push(chunk: Buffer): void {
    if (!this.textual || this.held >= PREVIEW_BYTES) return;
    const take = chunk.subarray(0, PREVIEW_BYTES - this.held);
    // a copy: the pipeline hands the chunk on to the body store
    this.parts.push(Buffer.from(take));
    this.held += take.length;
  }

  /** the preview, when it grew since the last one taken; null otherwise (and for a body that is not text) */
  take(): HttpBodyPreview | null {
    if (!this.textual || this.held === this.taken) return null;
    this.taken = this.held;
    const raw = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.held);
    this.parts = [raw];
    const masked = this.mask(raw);
    const kind = decideBodyKind(this.contentType, masked.subarray(0, 8192));
    if (kind === 'binary' || kind === 'image') {
      this.parts = [];
      this.held = PREVIEW_BYTES;
      this.taken = PREVIEW_BYTES;
      return null;
    }
    // stream: a character cut at the end is left out rather than shown as U+FFFD. Made into the first screen here,
    // as the viewer's preview of a finished body is, so a few KiB cross the bridge rather than 64.
    const text = previewLines(kind, textDecoderFor(this.contentType).decode(masked, { stream: true }), jsonSequenceOf(this.contentType));
    const complete = this.held >= PREVIEW_BYTES;
    if (complete) this.parts = [];
    return { kind, text, bytes: this.taken, complete };
  }

  private mask(raw: Buffer): Uint8Array {
    if (this.secrets.length === 0) return raw;
    // a new stream each time: the preview is masked whole, and end() is never called, so a secret's first letters
    // at the cut stay held back
    const pieces = createMaskStream(this.secrets).push(raw);
    return Buffer.concat(pieces.map((piece) => Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength)));
  }
}

/** The response's head for the window before its body is complete, masked as the exchange's headers are. */
export function maskedResponseHead(status: number, statusText: string, headers: HeaderList, secrets: readonly string[]): HttpResponseHead {
  return {
    status,
    statusText: redactText(statusText, secrets),
    headers: headers.map(([name, value]): [string, string] => [redactText(name, secrets), redactText(value, secrets)]),
  };
}
