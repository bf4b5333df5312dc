import { type Matcher } from './mask-matcher';
import { MASK_BYTES, redactorFor } from './redact';

/**
 * Masking a body that arrives in chunks, without holding it whole: a secret split across two chunks is still found
 * because each step holds back the last maxLength − 1 bytes (no match can start there and be decided yet) and
 * scans them again with the next chunk. Memory stays one chunk plus that overlap.
 */
interface MaskStream {
  /** the masked bytes that are final so far (views: consume them before the next call) */
  push(chunk: Uint8Array): Uint8Array[];
  /** the rest, once the input has ended */
  end(): Uint8Array[];
  /** whether any secret was masked so far */
  readonly masked: boolean;
}

export function createMaskStream(secrets: readonly string[]): MaskStream {
  const matcher: Matcher = redactorFor(secrets).matcher();
  const hold = Math.max(0, matcher.maxLength - 1);
  let carry: Uint8Array = new Uint8Array(0);
  let masked = false;

  const step = (chunk: Uint8Array, final: boolean): Uint8Array[] => {
    let buffer: Uint8Array;
    if (carry.length === 0) buffer = chunk;
    else {
      buffer = new Uint8Array(carry.length + chunk.length);
      buffer.set(carry, 0);
      buffer.set(chunk, carry.length);
    }
    if (matcher.empty) {
      carry = new Uint8Array(0);
      return buffer.length > 0 ? [buffer] : [];
    }
    const limit = final ? buffer.length : buffer.length - hold;
    if (limit <= 0) {
      carry = buffer.slice();
      return [];
    }
    const out: Uint8Array[] = [];
    let from = 0;
    matcher.scan(buffer, 0, limit, (start, end) => {
      if (start > from) out.push(buffer.subarray(from, start));
      out.push(MASK_BYTES);
      from = end;
      masked = true;
    });
    const settled = Math.max(from, limit);
    if (settled > from) out.push(buffer.subarray(from, settled));
    // a copy: the caller's chunk may be reused once this returns
    carry = buffer.slice(settled);
    return out;
  };

  return {
    push: (chunk) => step(chunk, false),
    end: () => step(new Uint8Array(0), true),
    get masked() {
      return masked;
    },
  };
}
