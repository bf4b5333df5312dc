import type { WebReply } from './web-protocol';

/**
 * An answer that carries bytes (body.read's `bytes`) crosses the web bridge as one binary WebSocket message:
 *
 *   [4-byte big-endian length N] [N bytes of ASCII JSON: the reply without its bytes] [the bytes]
 *
 * JSON would need the bytes as base64 (4/3 the size, an encode in the main process and a decode in the window) or as
 * an array of numbers (far worse). Electron's IPC needs none of this: it carries a Uint8Array by structured clone.
 * The header is kept to ASCII (other characters \u-escaped) so both ends can code it without TextEncoder, which
 * shared/ does not have.
 */
const HEADER_LENGTH_BYTES = 4;
/** The header is a few numbers and names (about 100 bytes); anything longer is not a frame of ours. */
const MAX_HEADER_BYTES = 4096;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

interface FrameHeader {
  id: number;
  /** the answer's field the bytes after the header belong to */
  bytesField: string;
  value: Record<string, unknown>;
}

/**
 * Checked by hand, not with zod: the window decodes these frames, and zod must stay out of its start-up scripts
 * (scripts/renderer-start-imports.test.ts).
 */
function parseHeader(parsed: unknown): FrameHeader | null {
  if (!isPlainObject(parsed) || parsed.type !== 'result' || typeof parsed.id !== 'number' || !Number.isFinite(parsed.id)) return null;
  const { bytesField, result } = parsed;
  if (typeof bytesField !== 'string' || bytesField.length < 1 || bytesField.length > 64) return null;
  if (!isPlainObject(result) || result.ok !== true || !isPlainObject(result.value)) return null;
  return { id: parsed.id, bytesField, value: result.value };
}

/** The one top-level field of an answer that holds bytes, which the web bridge sends as a binary frame; else null. */
export function bytesFieldOf(value: unknown): string | null {
  if (!isPlainObject(value)) return null;
  for (const [key, item] of Object.entries(value)) if (item instanceof Uint8Array) return key;
  return null;
}

/** The answer without its bytes field: what goes into the header (and what must otherwise be plain JSON). */
export function withoutBytesField(value: Record<string, unknown>, field: string): Record<string, unknown> {
  const rest = { ...value };
  delete rest[field];
  return rest;
}

export function encodeBytesFrame(id: number, value: Record<string, unknown>, field: string): Uint8Array<ArrayBuffer> {
  const bytes = value[field];
  if (!(bytes instanceof Uint8Array)) throw new TypeError(`answer field "${field}" holds no bytes`);
  const header = JSON.stringify({ type: 'result', id, bytesField: field, result: { ok: true, value: withoutBytesField(value, field) } }).replace(
    /[\u0080-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  const frame = new Uint8Array(HEADER_LENGTH_BYTES + header.length + bytes.length);
  new DataView(frame.buffer).setUint32(0, header.length);
  for (let i = 0; i < header.length; i++) frame[HEADER_LENGTH_BYTES + i] = header.charCodeAt(i);
  frame.set(bytes, HEADER_LENGTH_BYTES + header.length);
  return frame;
}

/**
 * The reply a binary frame carries, its bytes a view into the frame (no copy); null for anything malformed, which
 * the caller drops as it drops unparsable text.
 */
export function decodeBytesFrame(frame: ArrayBuffer | Uint8Array): WebReply | null {
  const all = frame instanceof Uint8Array ? frame : new Uint8Array(frame);
  if (all.length < HEADER_LENGTH_BYTES) return null;
  const headerLength = new DataView(all.buffer, all.byteOffset, all.byteLength).getUint32(0);
  if (headerLength > MAX_HEADER_BYTES || HEADER_LENGTH_BYTES + headerLength > all.length) return null;
  const headerBytes = all.subarray(HEADER_LENGTH_BYTES, HEADER_LENGTH_BYTES + headerLength);
  let parsed: unknown;
  try {
    parsed = JSON.parse(String.fromCharCode(...headerBytes));
  } catch {
    return null;
  }
  const header = parseHeader(parsed);
  if (!header) return null;
  const { id, bytesField } = header;
  const value = { ...header.value, [bytesField]: all.subarray(HEADER_LENGTH_BYTES + headerLength) };
  return { type: 'result', id, result: { ok: true, value } };
}
