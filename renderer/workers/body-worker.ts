/// <reference lib="webworker" />
import {
  decideBodyKind,
  formatJsonSequence,
  jsonLinesSentAsJson,
  jsonSequenceOf,
  prettyBudgetFor,
  previewLines,
  reindentJsonChunks,
  textDecoderFor,
  type BodyKind,
  type FormattedJsonSequence,
  type JsonSequenceSummary,
} from '../../shared/response';
import { type BodyWorkerReply, type BodyWorkerRequest } from './body-protocol';

/**
 * Decodes, sniffs and pretty-prints response bodies off the main thread. The viewer streams byte ranges in as it
 * reads them through the bridge; everything costly (UTF-8 decoding, JSON validation and re-indenting, UTF-8 encoding
 * for the transfer back) happens here.
 */
declare const self: DedicatedWorkerGlobalScope;

interface Job {
  id: number;
  contentType: string | null;
  parts: Uint8Array[];
  received: number;
  previewSent: boolean;
  text: string | null;
  kind: BodyKind | null;
}

const PREVIEW_BYTES = 64 * 1024;
let job: Job | null = null;

function post(message: BodyWorkerReply, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const all = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return all;
}

function sendPreview(current: Job, partial: boolean): void {
  const all = concat(current.parts, current.received);
  current.parts = [all];
  const head = all.subarray(0, PREVIEW_BYTES);
  const kind = decideBodyKind(current.contentType, head);
  current.previewSent = true;
  if (kind === 'binary' || kind === 'image') {
    // Only a body too large to load gets a partial hex view; otherwise the full bytes follow shortly.
    if (partial) {
      const copy = head.slice().buffer;
      post({ type: 'bytes', job: current.id, kind: 'binary', bytes: copy }, [copy]);
    }
    return;
  }
  const text = textDecoderFor(current.contentType).decode(head);
  post({ type: 'preview', job: current.id, kind, text: previewLines(kind, text, jsonSequenceOf(current.contentType)) });
}

const encoder = new TextEncoder();

function sendText(
  current: Job,
  chunks: string[],
  variant: 'pretty' | 'raw',
  pretty: boolean,
  prettyError: string | null,
  records: JsonSequenceSummary | null = null,
): void {
  const buffers = chunks.map((chunk) => encoder.encode(chunk).buffer as ArrayBuffer);
  const byteLength = buffers.reduce((sum, b) => sum + b.byteLength, 0);
  post({ type: 'text', job: current.id, kind: current.kind ?? 'text', chunks: buffers, pretty, prettyError, variant, byteLength, records }, buffers);
}

/** JSON Lines sent as application/json, formatted; null when it is not that, or too large to indent. */
function jsonLinesOrNull(text: string, contentType: string | null): FormattedJsonSequence | null {
  try {
    return jsonLinesSentAsJson(text, contentType, prettyBudgetFor(text));
  } catch {
    return null;
  }
}

function finish(current: Job): void {
  const bytes = concat(current.parts, current.received);
  current.parts = [bytes];
  const kind = decideBodyKind(current.contentType, bytes.subarray(0, 8192));
  current.kind = kind;
  if (kind === 'binary' || kind === 'image') {
    const copy = bytes.slice().buffer;
    post({ type: 'bytes', job: current.id, kind, bytes: copy }, [copy]);
    return;
  }
  const text = textDecoderFor(current.contentType).decode(bytes);
  current.text = text;
  if (kind !== 'json') {
    sendText(current, [text], 'raw', false, null);
    return;
  }
  const sequence = jsonSequenceOf(current.contentType);
  if (sequence) {
    // Many JSON texts, one per line or after each RS: as one document they would be "not valid JSON".
    try {
      const formatted = formatJsonSequence(text, sequence, { maxChars: prettyBudgetFor(text) });
      sendText(current, formatted.chunks, 'pretty', true, null, formatted.summary);
    } catch (error) {
      sendText(current, [text], 'raw', false, (error as Error).message);
    }
    return;
  }
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    // Validation only: the parsed value is thrown away and the original text re-indented, so numbers stay exact.
    JSON.parse(source);
  } catch (error) {
    const lines = jsonLinesOrNull(text, current.contentType);
    if (lines) sendText(current, lines.chunks, 'pretty', true, null, lines.summary);
    else sendText(current, [text], 'raw', false, `not valid JSON (${(error as Error).message})`);
    return;
  }
  let pretty: string[];
  try {
    pretty = reindentJsonChunks(source, '  ', prettyBudgetFor(source));
  } catch (error) {
    // nested so deep that indenting would take gigabytes: the text as sent, saying why
    sendText(current, [text], 'raw', false, (error as Error).message);
    return;
  }
  sendText(current, pretty, 'pretty', true, null);
}

self.onmessage = (event: MessageEvent<BodyWorkerRequest>) => {
  const message = event.data;
  try {
    if (message.type === 'begin') {
      job = { id: message.job, contentType: message.contentType, parts: [], received: 0, previewSent: false, text: null, kind: null };
      return;
    }
    if (!job || job.id !== message.job) return;
    switch (message.type) {
      case 'chunk': {
        const bytes = message.bytes;
        job.parts.push(bytes);
        job.received += bytes.length;
        if (!job.previewSent && job.received >= PREVIEW_BYTES) sendPreview(job, false);
        break;
      }
      case 'finish':
        if (message.partial) sendPreview(job, true);
        else {
          if (!job.previewSent) sendPreview(job, false);
          finish(job);
        }
        break;
      case 'raw-text':
        if (job.text !== null) sendText(job, [job.text], 'raw', false, null);
        break;
      case 'blob': {
        const blob = new Blob(job.parts as BlobPart[], { type: job.contentType ?? 'application/octet-stream' });
        post({ type: 'blob', job: job.id, blob });
        break;
      }
      case 'drop':
        job = null;
        break;
    }
  } catch (error) {
    post({ type: 'error', job: message.job, message: (error as Error).message });
  }
};
