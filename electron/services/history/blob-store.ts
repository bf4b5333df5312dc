import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { constants, gunzip, gzip, gzipSync } from 'node:zlib';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, tightenTree } from './private-files';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/**
 * Each body file is a run of independent gzip members of FRAME_BYTES decoded bytes each (the whole file is still a
 * valid .gz). A range read seeks to the frames it needs and inflates only those, so reading 64 KB at offset 400 MB
 * inflates at most two frames instead of the 400 MB before it.
 */
export const FRAME_BYTES = 1024 * 1024;
export const EMPTY_SHA256 = createHash('sha256').update(Buffer.alloc(0)).digest('hex');
/** level 3: about twice zlib's default speed for a few percent more bytes; bodies are written while the user works */
const GZIP_LEVEL = 3;
const SMALL_BODY_BYTES = 256 * 1024;

/** Where a body's bytes come from: the engine's body store, or a buffer (HAR import). */
export interface BodySource {
  size: number;
  read(offset: number, length: number): Promise<Buffer>;
}

export function bufferSource(bytes: Buffer): BodySource {
  return { size: bytes.length, read: async (offset, length) => bytes.subarray(offset, offset + length) };
}

export interface WrittenBlob {
  hash: string;
  size: number;
  storedSize: number;
  /** compressed length of each frame, uint32 LE */
  frames: Buffer;
  /** the first `prefixBytes` decoded bytes, for the search index */
  prefix: Buffer;
  /** already stored: nothing was written, and sizes are not known here */
  existing?: boolean;
}

interface BlobStore {
  readonly dir: string;
  /** Streams `source` into a content-addressed file (deduplicated); memory stays around one frame. */
  write(source: BodySource, prefixBytes: number, isStored?: (hash: string) => boolean): Promise<WrittenBlob>;
  /** Hashes another write may be about to reference; the sweep leaves them alone. */
  readonly inFlight: ReadonlySet<string>;
  /** Call once the database references (or has given up on) the blob a write returned. */
  settle(hash: string): void;
  read(blob: { hash: string; size: number; frames: Buffer }, offset: number, length: number): Promise<Buffer>;
  remove(hashes: string[]): Promise<void>;
  /** Deletes body files no database row names (a crash between writing a file and committing its entry). */
  sweepOrphans(isKnown: (hash: string) => boolean, olderThanMs: number): Promise<number>;
}

function frameOffsets(frames: Buffer): number[] {
  const offsets = [0];
  for (let i = 0; i + 4 <= frames.length; i += 4) offsets.push((offsets[offsets.length - 1] as number) + frames.readUInt32LE(i));
  return offsets;
}

export function createBlobStore(dir: string): BlobStore {
  const tmpDir = path.join(dir, 'tmp');
  mkdirSync(tmpDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  tightenTree(dir);
  const inFlight = new Map<string, number>();
  const pendingRemovals = new Map<string, Promise<void>>();
  // Recently inflated frames: sequential body.read calls (the viewer pages through a body) reuse them.
  const frameCache = new Map<string, Buffer>();
  let frameCacheBytes = 0;
  const FRAME_CACHE_MAX = 16 * 1024 * 1024;
  const offsetCache = new Map<string, number[]>();

  const fileOf = (hash: string): string => path.join(dir, hash.slice(0, 2), `${hash}.gz`);
  const madeDirs = new Set<string>();

  /**
   * Small bodies (most API answers) are compressed and written synchronously: a few tens of microseconds of blocking
   * beat five thread-pool round trips per body. Still written aside and renamed, so a crash never leaves half a file
   * under a hash name.
   */
  const writeSmall = (whole: Buffer, hash: string, prefixBytes: number): WrittenBlob => {
    const compressed = gzipSync(whole, { level: GZIP_LEVEL });
    const tmp = path.join(tmpDir, `${process.pid}-${randomBytes(8).toString('hex')}.gz`);
    const target = fileOf(hash);
    const sub = path.dirname(target);
    try {
      writeFileSync(tmp, compressed, { mode: PRIVATE_FILE_MODE });
      if (!madeDirs.has(sub)) {
        mkdirSync(sub, { recursive: true, mode: PRIVATE_DIR_MODE });
        madeDirs.add(sub);
      }
      renameSync(tmp, target);
    } catch (error) {
      rmSync(tmp, { force: true });
      throw error;
    }
    inFlight.set(hash, (inFlight.get(hash) ?? 0) + 1);
    const frames = Buffer.alloc(4);
    frames.writeUInt32LE(compressed.length, 0);
    return { hash, size: whole.length, storedSize: compressed.length, frames, prefix: Buffer.from(whole.subarray(0, prefixBytes)) };
  };

  const cacheFrame = (key: string, bytes: Buffer): void => {
    frameCache.set(key, bytes);
    frameCacheBytes += bytes.length;
    while (frameCacheBytes > FRAME_CACHE_MAX && frameCache.size > 1) {
      const oldest = frameCache.keys().next().value as string;
      frameCacheBytes -= (frameCache.get(oldest) as Buffer).length;
      frameCache.delete(oldest);
    }
  };

  return {
    dir,
    inFlight: { has: (hash: string) => inFlight.has(hash) } as ReadonlySet<string>,

    async write(source, prefixBytes, isStored) {
      // A body that fits one frame is hashed first: one the database already holds (the same answer again) is not
      // compressed or written a second time.
      if (isStored && source.size > 0 && source.size <= FRAME_BYTES) {
        const whole = await source.read(0, source.size);
        const hash = createHash('sha256').update(whole).digest('hex');
        if (!pendingRemovals.has(hash) && isStored(hash)) {
          inFlight.set(hash, (inFlight.get(hash) ?? 0) + 1);
          return { hash, size: whole.length, storedSize: 0, frames: Buffer.alloc(0), prefix: Buffer.from(whole.subarray(0, prefixBytes)), existing: true };
        }
        if (whole.length <= SMALL_BODY_BYTES && !pendingRemovals.has(hash)) return writeSmall(whole, hash, prefixBytes);
        source = bufferSource(whole);
      }
      const tmp = path.join(tmpDir, `${process.pid}-${randomBytes(8).toString('hex')}.gz`);
      const hasher = createHash('sha256');
      const lengths = Buffer.alloc(4 * Math.max(1, Math.ceil(source.size / FRAME_BYTES)));
      const prefixParts: Buffer[] = [];
      let prefixLength = 0;
      let storedSize = 0;
      const handle = await open(tmp, 'w', PRIVATE_FILE_MODE);
      try {
        let frame = 0;
        for (let offset = 0; offset < source.size; offset += FRAME_BYTES, frame++) {
          const chunk = await source.read(offset, Math.min(FRAME_BYTES, source.size - offset));
          if (chunk.length !== Math.min(FRAME_BYTES, source.size - offset)) throw new Error('the body ended early while it was being saved');
          hasher.update(chunk);
          if (prefixLength < prefixBytes) {
            const part = chunk.subarray(0, prefixBytes - prefixLength);
            prefixParts.push(Buffer.from(part));
            prefixLength += part.length;
          }
          const compressed = await gzipAsync(chunk, { level: GZIP_LEVEL, strategy: constants.Z_DEFAULT_STRATEGY });
          await handle.write(compressed, 0, compressed.length, storedSize);
          lengths.writeUInt32LE(compressed.length, frame * 4);
          storedSize += compressed.length;
        }
      } catch (error) {
        await handle.close().catch(() => undefined);
        await rm(tmp, { force: true });
        throw error;
      }
      await handle.close();
      const hash = hasher.digest('hex');
      inFlight.set(hash, (inFlight.get(hash) ?? 0) + 1);
      try {
        await pendingRemovals.get(hash);
        const target = fileOf(hash);
        await mkdir(path.dirname(target), { recursive: true, mode: PRIVATE_DIR_MODE });
        // Same hash, same bytes: replacing an existing copy is harmless and keeps this atomic.
        await rename(tmp, target);
      } catch (error) {
        this.settle(hash);
        await rm(tmp, { force: true });
        throw error;
      }
      const frames = source.size === 0 ? Buffer.alloc(0) : lengths;
      return { hash, size: source.size, storedSize, frames, prefix: Buffer.concat(prefixParts, prefixLength) };
    },

    settle(hash) {
      const count = (inFlight.get(hash) ?? 1) - 1;
      if (count <= 0) inFlight.delete(hash);
      else inFlight.set(hash, count);
    },

    async read(blob, offset, length) {
      const start = Math.min(Math.max(0, offset), blob.size);
      const end = Math.min(blob.size, start + Math.max(0, length));
      if (end <= start) return Buffer.alloc(0);
      let offsets = offsetCache.get(blob.hash);
      if (!offsets) {
        offsets = frameOffsets(blob.frames);
        offsetCache.set(blob.hash, offsets);
        if (offsetCache.size > 256) offsetCache.delete(offsetCache.keys().next().value as string);
      }
      const first = Math.floor(start / FRAME_BYTES);
      const last = Math.floor((end - 1) / FRAME_BYTES);
      const parts: Buffer[] = [];
      let handle: Awaited<ReturnType<typeof open>> | null = null;
      try {
        for (let frame = first; frame <= last; frame++) {
          const key = `${blob.hash}:${frame}`;
          let bytes = frameCache.get(key);
          if (!bytes) {
            handle ??= await open(fileOf(blob.hash), 'r');
            const from = offsets[frame] as number;
            const compressed = Buffer.allocUnsafe((offsets[frame + 1] as number) - from);
            let filled = 0;
            while (filled < compressed.length) {
              const { bytesRead } = await handle.read(compressed, filled, compressed.length - filled, from + filled);
              if (bytesRead === 0) throw new Error('body file is shorter than recorded');
              filled += bytesRead;
            }
            bytes = await gunzipAsync(compressed);
            cacheFrame(key, bytes);
          }
          const frameStart = frame * FRAME_BYTES;
          parts.push(bytes.subarray(Math.max(0, start - frameStart), Math.min(bytes.length, end - frameStart)));
        }
      } finally {
        await handle?.close();
      }
      return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
    },

    async remove(hashes) {
      await Promise.all(
        hashes.map((hash) => {
          for (const key of [...frameCache.keys()]) {
            if (key.startsWith(hash)) {
              frameCacheBytes -= (frameCache.get(key) as Buffer).length;
              frameCache.delete(key);
            }
          }
          offsetCache.delete(hash);
          const removal = rm(fileOf(hash), { force: true }).finally(() => {
            if (pendingRemovals.get(hash) === removal) pendingRemovals.delete(hash);
          });
          pendingRemovals.set(hash, removal);
          return removal;
        }),
      );
    },

    async sweepOrphans(isKnown, olderThanMs) {
      let removed = 0;
      const cutoff = Date.now() - olderThanMs;
      for (const sub of await readdir(dir).catch(() => [] as string[])) {
        const subDir = path.join(dir, sub);
        const isTmp = sub === 'tmp';
        if (!isTmp && !/^[0-9a-f]{2}$/.test(sub)) continue;
        for (const name of await readdir(subDir).catch(() => [] as string[])) {
          const hash = name.replace(/\.gz$/, '');
          if (!isTmp && (isKnown(hash) || inFlight.has(hash))) continue;
          const info = await stat(path.join(subDir, name)).catch(() => null);
          if (!info || info.mtimeMs > cutoff) continue;
          await rm(path.join(subDir, name), { force: true });
          removed++;
        }
      }
      return removed;
    },
  };
}
