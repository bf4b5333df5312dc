/**
 * Says whether any of a few byte strings occurs in a stream seen chunk by chunk: the last (longest needle − 1)
 * bytes of each chunk are kept and searched together with the next, so a needle split across chunks is found.
 * Once found it stops looking.
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
      const window = tail.length === 0 ? bytes : Buffer.concat([tail, bytes]);
      found = usable.some((needle) => window.includes(needle));
      // a copy: the caller may reuse the chunk's memory
      tail = Buffer.from(window.subarray(Math.max(0, window.length - overlap)));
    },
    get found() {
      return found;
    },
  };
}
