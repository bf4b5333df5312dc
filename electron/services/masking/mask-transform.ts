import { Transform } from 'node:stream';
import { createMaskStream } from '../../../shared/variables';

/**
 * Streaming secret masking for Node: every spelling of every secret (see shared/variables/mask-spellings) replaced by
 * the mask, one chunk at a time, so a large body is never held whole. Used by history for response bodies; the
 * same entry points suit message logs and exports.
 */

/** A Transform that masks what flows through it; a secret split across chunks is still found. */
export function createMaskTransform(secrets: readonly string[]): Transform {
  const mask = createMaskStream(secrets);
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      for (const piece of mask.push(chunk)) this.push(Buffer.from(piece));
      done();
    },
    flush(done) {
      for (const piece of mask.end()) this.push(Buffer.from(piece));
      done();
    },
  });
}

/** What history reads a body through: its size, then ranges. */
interface RandomAccessSource {
  size: number;
  read(offset: number, length: number): Promise<Buffer>;
}

const CHUNK_BYTES = 1024 * 1024;

async function* maskedChunks(source: RandomAccessSource, secrets: readonly string[]): AsyncGenerator<Buffer> {
  const mask = createMaskStream(secrets);
  for (let offset = 0; offset < source.size;) {
    const chunk = await source.read(offset, Math.min(CHUNK_BYTES, source.size - offset));
    if (chunk.length === 0) throw new Error('the body ended early while it was being masked');
    offset += chunk.length;
    // copies: the pieces are views into the mask stream's buffer, which the next push replaces
    for (const piece of mask.push(chunk)) yield Buffer.from(piece);
  }
  for (const piece of mask.end()) yield Buffer.from(piece);
}

/**
 * The source with every secret masked, read front to back without holding it whole. A first pass counts the
 * masked size (the consumer needs it up front); when nothing was masked the source itself is returned. The
 * returned source must be read in order, from 0, as history's blob store does.
 */
export async function maskedSource(source: RandomAccessSource, secrets: readonly string[]): Promise<RandomAccessSource> {
  if (secrets.length === 0 || source.size === 0) return source;
  let size = 0;
  let changed = false;
  const counting = createMaskStream(secrets);
  for (let offset = 0; offset < source.size;) {
    const chunk = await source.read(offset, Math.min(CHUNK_BYTES, source.size - offset));
    if (chunk.length === 0) throw new Error('the body ended early while it was being masked');
    offset += chunk.length;
    for (const piece of counting.push(chunk)) size += piece.length;
  }
  for (const piece of counting.end()) size += piece.length;
  changed = counting.masked;
  if (!changed) return source;

  const chunks = maskedChunks(source, secrets);
  let position = 0;
  let pending: Buffer = Buffer.alloc(0);
  return {
    size,
    async read(offset, length) {
      if (offset !== position) throw new Error('a masked body is read front to back');
      const parts: Buffer[] = [];
      let have = 0;
      while (have < length) {
        if (pending.length === 0) {
          const next = await chunks.next();
          if (next.done) break;
          pending = next.value;
        }
        const take = pending.subarray(0, length - have);
        parts.push(take);
        have += take.length;
        pending = pending.subarray(take.length);
      }
      position += have;
      return Buffer.concat(parts, have);
    },
  };
}
