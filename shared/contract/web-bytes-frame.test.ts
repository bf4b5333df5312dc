import { describe, expect, it } from 'vitest';
import { methods } from './methods';
import { bytesFieldOf, decodeBytesFrame, encodeBytesFrame } from './web-bytes-frame';

describe('body.read output', () => {
  it('carries the bytes as a Uint8Array, and a base64 string is outside the contract', () => {
    const output = methods['body.read'].output;
    expect(output.safeParse({ offset: 0, bytes: new Uint8Array([1, 2, 3]), total: 3 }).success).toBe(true);
    expect(output.safeParse({ offset: 0, bytes: 'AQID', total: 3 }).success).toBe(false);
    expect(output.safeParse({ offset: 0, dataBase64: 'AQID', total: 3 }).success).toBe(false);
    expect(output.safeParse({ offset: 0, bytes: [1, 2, 3], total: 3 }).success).toBe(false);
  });
});

describe('binary frames of the web bridge', () => {
  it('round-trips an answer: header fields as JSON, the bytes after them untouched', () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) & 255);
    const frame = encodeBytesFrame(42, { offset: 5, bytes, total: 2000, note: 'café ✓' }, 'bytes');
    expect(decodeBytesFrame(frame)).toEqual({ type: 'result', id: 42, result: { ok: true, value: { offset: 5, total: 2000, note: 'café ✓', bytes } } });
  });

  it('costs the bytes plus a header of about a hundred bytes, not 4/3 of them', () => {
    const bytes = new Uint8Array(1024 * 1024).fill(0xff);
    const frame = encodeBytesFrame(1, { offset: 0, bytes, total: bytes.length }, 'bytes');
    expect(frame.length - bytes.length).toBeLessThan(200);
  });

  it('decodes from an ArrayBuffer (as the browser hands it) without copying the bytes', () => {
    const frame = encodeBytesFrame(7, { bytes: new Uint8Array([9, 8, 7]) }, 'bytes');
    const buffer = frame.buffer.slice(frame.byteOffset, frame.byteOffset + frame.byteLength);
    const reply = decodeBytesFrame(buffer);
    const decoded = (reply?.type === 'result' && reply.result.ok ? reply.result.value : null) as { bytes: Uint8Array } | null;
    expect(decoded?.bytes.buffer).toBe(buffer);
    expect([...(decoded?.bytes ?? [])]).toEqual([9, 8, 7]);
  });

  it('drops malformed frames', () => {
    const valid = encodeBytesFrame(1, { bytes: new Uint8Array([1]) }, 'bytes');
    expect(decodeBytesFrame(new Uint8Array([0, 0]))).toBeNull();
    expect(decodeBytesFrame(valid.subarray(0, 10))).toBeNull();
    expect(decodeBytesFrame(Uint8Array.from([0, 0, 0, 2, 0x7b, 0x7d]))).toBeNull();
    expect(decodeBytesFrame(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x7b]))).toBeNull();
    const notJson = Uint8Array.from([0, 0, 0, 1, 0x7b, 1]);
    expect(decodeBytesFrame(notJson)).toBeNull();
  });

  it('finds the one top-level byte field of an answer', () => {
    expect(bytesFieldOf({ offset: 0, bytes: new Uint8Array(1) })).toBe('bytes');
    expect(bytesFieldOf({ offset: 0, nested: { bytes: new Uint8Array(1) } })).toBeNull();
    expect(bytesFieldOf(new Uint8Array(1))).toBeNull();
    expect(bytesFieldOf(null)).toBeNull();
  });
});
