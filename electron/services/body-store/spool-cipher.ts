import { createDecipheriv, randomBytes } from 'node:crypto';

const BLOCK = 16;
/** the spool thread (spool-thread.ts) encrypts with the same algorithm and key */
export const SPOOL_ALGORITHM = 'aes-256-ctr';

/**
 * Spool files are AES-256-CTR with a key that lives only in this process's memory: a crash (or kill -9) leaves
 * files nobody can read, and a file is useless to the next run. CTR lets a range be read from anywhere: the counter
 * for byte `offset` is the file's IV plus offset / 16, and offset % 16 bytes of that block's key stream are skipped.
 */
export interface SpoolCipher {
  decrypt(iv: Buffer, offset: number, ciphertext: Buffer): Buffer;
  newIv(): Buffer;
}

/** The IV as a 128-bit big-endian counter, advanced by `blocks`. */
export function counterAt(iv: Buffer, blocks: number): Buffer {
  const out = Buffer.from(iv);
  let carry = blocks;
  for (let i = BLOCK - 1; i >= 0 && carry > 0; i -= 1) {
    const sum = (out[i] as number) + (carry % 256);
    out[i] = sum & 0xff;
    carry = Math.floor(carry / 256) + (sum > 0xff ? 1 : 0);
  }
  return out;
}

export function createSpoolCipher(key: Buffer): SpoolCipher {
  return {
    decrypt(iv, offset, ciphertext) {
      const decipher = createDecipheriv(SPOOL_ALGORITHM, key, counterAt(iv, Math.floor(offset / BLOCK)));
      const skip = offset % BLOCK;
      if (skip > 0) decipher.update(Buffer.alloc(skip));
      return decipher.update(ciphertext);
    },
    newIv: () => randomBytes(BLOCK),
  };
}
