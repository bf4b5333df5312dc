import { type SecretBytesMatcher } from '../../../shared/variables';

/**
 * Says whether any secret occurs in a stream seen chunk by chunk, in any spelling the masker knows (it is the
 * masker's own matcher, so "contains a secret" and what masking hides never disagree). Each chunk is scanned where
 * it lies (no copy), and the seam with the previous chunk separately: the last (longest match − 1) bytes seen so far
 * followed by as many of the new chunk, so a secret split across chunks is found too. Once found it stops looking.
 */
export interface SecretMatcher {
  push(chunk: Uint8Array): void;
  readonly found: boolean;
}

export function createSecretMatcher(matcher: SecretBytesMatcher): SecretMatcher {
  const overlap = Math.max(0, matcher.maxLength - 1);
  let tail: Buffer = Buffer.alloc(0);
  let found = false;
  const saw = () => {
    found = true;
  };
  const scan = (units: Uint8Array) => {
    if (!found) matcher.scan(units, 0, units.length, saw);
  };
  return {
    push(chunk) {
      if (found || matcher.empty || chunk.length === 0) return;
      const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      scan(bytes);
      if (tail.length > 0) scan(Buffer.concat([tail, bytes.subarray(0, overlap)]));
      // copies: the caller may reuse the chunk's memory
      tail =
        bytes.length >= overlap
          ? Buffer.from(bytes.subarray(bytes.length - overlap))
          : Buffer.from(Buffer.concat([tail, bytes]).subarray(Math.max(0, tail.length + bytes.length - overlap)));
    },
    get found() {
      return found;
    },
  };
}
