/**
 * Says whether any of a few byte strings occurs in a stream seen chunk by chunk. Each chunk is searched where it
 * lies (no copy), and the seam with the previous chunk separately: the last (longest needle − 1) bytes seen so far
 * followed by as many of the new chunk, so a needle split across chunks is found too. Once found it stops looking.
 */
export interface SecretMatcher {
  push(chunk: Uint8Array): void;
  readonly found: boolean;
}

export function createSecretMatcher(needles: readonly Uint8Array[]): SecretMatcher {
  const usable = needles.filter((needle) => needle.length > 0).map((needle) => Buffer.from(needle));
  const overlap = usable.reduce((max, needle) => Math.max(max, needle.length - 1), 0);
  let tail: Buffer = Buffer.alloc(0);
  let found = false;
  return {
    push(chunk) {
      if (found || usable.length === 0 || chunk.length === 0) return;
      const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      const seam = tail.length === 0 ? null : Buffer.concat([tail, bytes.subarray(0, overlap)]);
      found = usable.some((needle) => bytes.includes(needle) || (seam !== null && seam.includes(needle)));
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
