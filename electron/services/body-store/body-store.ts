import { randomBytes, randomUUID } from 'node:crypto';
import { chmod, open, rm, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CourierError, type BodyRef } from '../../../shared/contract';
import { secretBytesMatcher } from '../../../shared/variables';
import { createSecretMatcher, type SecretMatcher } from './secret-matcher';
import { createSpoolCipher } from './spool-cipher';
import { createSpoolThread, type SpoolFile } from './spool-thread';

export interface BodyMeta {
  contentType: string | null;
  contentEncodings: string[];
  /**
   * Plain values the request carried: the body is watched for them as it is written, and its BodyRef says
   * `containsSecret` when one came back (the window then asks before saving or copying it).
   */
  secrets?: readonly string[];
}

export interface BodyStore {
  createWriter(meta: BodyMeta): BodyWriter;
  /** Throws CourierError('BODY_NOT_FOUND') for an unknown or released id. */
  read(id: string, offset: number, length: number): Promise<{ bytes: Buffer; total: number }>;
  release(id: string): Promise<boolean>;
  /** Releases everything and deletes every spool file, including those of writers still open. */
  close(): Promise<void>;
}

export interface BodyWriter {
  write(chunk: Buffer): Promise<void>;
  finish(): Promise<BodyRef>;
  /** Drops what was written; a spool file is removed. Safe to call more than once or after finish. */
  abort(): Promise<void>;
  readonly bytesWritten: number;
}

interface BodyStoreOptions {
  spoolDir: string;
  /** Bodies larger than this go to a temporary file; default 5 MiB. */
  spoolThresholdBytes?: number;
  /** Oldest bodies are released once more than this many are kept; default 200. */
  maxBodies?: number;
  /** Oldest in-memory bodies are released once together they hold more than this; default 128 MiB. */
  maxMemoryBytes?: number;
  /**
   * Oldest spool files are deleted once together they hold more than this; default 2 GiB. A single body larger than
   * the budget is still kept (the caps on a response bound it), with nothing else beside it on disk.
   */
  maxSpoolBytes?: number;
}

type StoredBody = { kind: 'memory'; bytes: Buffer } | { kind: 'file'; path: string; size: number; iv: Buffer };

const DEFAULT_THRESHOLD = 5 * 1024 * 1024;
const DEFAULT_MAX_BODIES = 200;
const DEFAULT_MAX_MEMORY_BYTES = 128 * 1024 * 1024;
const DEFAULT_MAX_SPOOL_BYTES = 2 * 1024 ** 3;

// Response bodies are private: only the user may read the spool.
const DIR_MODE = 0o700;
const FILE_MODE = 0o600;

function storeError(error: unknown): CourierError {
  return error instanceof CourierError ? error : new CourierError('INTERNAL', 'The response body could not be stored.');
}

function sizeOf(stored: StoredBody): number {
  return stored.kind === 'memory' ? stored.bytes.length : stored.size;
}

export function createBodyStore(options: BodyStoreOptions): BodyStore {
  const threshold = options.spoolThresholdBytes ?? DEFAULT_THRESHOLD;
  const maxBodies = options.maxBodies ?? DEFAULT_MAX_BODIES;
  const maxMemoryBytes = options.maxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES;
  const maxSpoolBytes = options.maxSpoolBytes ?? DEFAULT_MAX_SPOOL_BYTES;
  // Spool files are AES-256-CTR with a fresh key held only in memory (spool-cipher.ts); the spool thread encrypts
  // and writes them, this thread decrypts what the window reads.
  const spoolKey = randomBytes(32);
  const cipher = createSpoolCipher(spoolKey);
  const spoolThread = createSpoolThread(spoolKey, FILE_MODE);
  // Map keeps insertion order, which is the eviction order.
  const bodies = new Map<string, StoredBody>();
  // Totals of what `bodies` holds, by kind.
  const held = { memory: 0, file: 0 };
  const openWriters = new Set<SpoolingWriter>();
  let spoolDirReady: Promise<void> | null = null;
  let closed = false;

  const ensureSpoolDir = (): Promise<void> => {
    // mkdir's mode applies to every folder it creates; chmod covers a spool folder that already existed.
    spoolDirReady ??= mkdir(options.spoolDir, { recursive: true, mode: DIR_MODE }).then(() => chmod(options.spoolDir, DIR_MODE));
    return spoolDirReady;
  };

  const removeStored = async (stored: StoredBody): Promise<void> => {
    if (stored.kind === 'file') await rm(stored.path, { force: true });
  };

  const forget = (id: string): StoredBody | undefined => {
    const stored = bodies.get(id);
    if (stored) {
      bodies.delete(id);
      held[stored.kind] -= sizeOf(stored);
    }
    return stored;
  };

  /** Oldest first (Map order), skipping `keep`; an evicted body reads as BODY_NOT_FOUND, as a released one does. */
  const evictWhile = async (tooMuch: () => boolean, kind: StoredBody['kind'] | null, keep: string): Promise<void> => {
    for (const [id, stored] of bodies) {
      if (!tooMuch()) return;
      if (id === keep || (kind !== null && stored.kind !== kind)) continue;
      forget(id);
      // Best effort: a file still open for a read elsewhere (Windows) is not worth failing the new body over.
      await removeStored(stored).catch(() => undefined);
    }
  };

  const register = async (id: string, stored: StoredBody): Promise<void> => {
    if (closed) {
      await removeStored(stored);
      throw new CourierError('INTERNAL', 'The response could not be kept because Courier is shutting down.');
    }
    bodies.set(id, stored);
    held[stored.kind] += sizeOf(stored);
    await evictWhile(() => bodies.size > maxBodies, null, id);
    await evictWhile(() => held.memory > maxMemoryBytes, 'memory', id);
    await evictWhile(() => held.file > maxSpoolBytes, 'file', id);
  };

  class SpoolingWriter implements BodyWriter {
    readonly id = randomUUID();
    /** the body while it is under the threshold; then chunks that arrive while the spool file is being set up */
    private chunks: Buffer[] = [];
    private memoryBytes = 0;
    /** Set by the first chunk over the threshold: from then on every chunk follows it to the file, in order. */
    private spooling = false;
    private opening: Promise<void> | null = null;
    private file: SpoolFile | null = null;
    private fileError: CourierError | null = null;
    private filePath: string | null = null;
    private iv: Buffer | null = null;
    private readonly matcher: SecretMatcher | null;
    private written = 0;
    private state: 'open' | 'finished' | 'aborted' = 'open';

    constructor(private readonly meta: BodyMeta) {
      const secrets = meta.secrets ?? [];
      this.matcher = secrets.length > 0 ? createSecretMatcher(secretBytesMatcher(secrets)) : null;
    }

    get bytesWritten(): number {
      return this.written;
    }

    /** Resolves once the chunk is held (in memory) or on disk; a spooled body's writes are not awaited one by one. */
    write(chunk: Buffer): Promise<void> {
      if (this.state !== 'open') return Promise.reject(new CourierError('INTERNAL', 'The response body was already closed.'));
      this.written += chunk.length;
      this.matcher?.push(chunk);
      if (this.file !== null) return this.toFile(chunk);
      this.chunks.push(chunk);
      this.memoryBytes += chunk.length;
      if (!this.spooling && this.memoryBytes <= threshold) return Promise.resolve();
      this.spooling = true;
      this.opening ??= this.openFile();
      return this.opening;
    }

    private async openFile(): Promise<void> {
      try {
        await ensureSpoolDir();
        if (this.state !== 'open') return;
        this.filePath = join(options.spoolDir, `body-${this.id}.bin`);
        this.iv = cipher.newIv();
        // The spool thread batches, encrypts and writes (spool-thread.ts). The caller bounds what waits there by the
        // promises write() returns (response-body.ts pauses the socket).
        this.file = await spoolThread.open(this.filePath, this.iv);
      } catch (error) {
        throw (this.fileError ??= storeError(error));
      }
      // abort() ran while the file was being created: it closes and removes it
      if (this.state !== 'open') return;
      const pending = this.chunks;
      this.chunks = [];
      this.memoryBytes = 0;
      await Promise.all(pending.map((buffered) => this.toFile(buffered)));
    }

    private toFile(chunk: Buffer): Promise<void> {
      if (this.fileError !== null) return Promise.reject(this.fileError);
      return (this.file as SpoolFile).write(chunk).catch((error: unknown) => {
        // after abort the file is being thrown away: a write it cut short is not a failure
        if (this.state !== 'aborted') throw (this.fileError ??= storeError(error));
      });
    }

    async finish(): Promise<BodyRef> {
      if (this.state !== 'open') throw new CourierError('INTERNAL', 'The response body was already closed.');
      if (this.opening !== null) await this.opening;
      // abort() may have run while the last write was pending.
      if (this.state !== 'open') throw new CourierError('CANCELLED', 'The request was cancelled.');
      this.state = 'finished';
      openWriters.delete(this);
      let stored: StoredBody;
      if (this.file !== null && this.filePath !== null && this.iv !== null) {
        const file = this.file;
        this.file = null;
        await file.end().catch((error: unknown) => {
          this.fileError ??= storeError(error);
        });
        if (this.fileError !== null) {
          await rm(this.filePath, { force: true });
          throw this.fileError;
        }
        stored = { kind: 'file', path: this.filePath, size: this.written, iv: this.iv };
      } else {
        stored = { kind: 'memory', bytes: this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks, this.memoryBytes) };
        this.chunks = [];
      }
      await register(this.id, stored);
      return {
        id: this.id,
        size: this.written,
        contentType: this.meta.contentType,
        contentEncodings: this.meta.contentEncodings,
        spooled: stored.kind === 'file',
        ...(this.matcher?.found ? { containsSecret: true } : {}),
      };
    }

    async abort(): Promise<void> {
      if (this.state !== 'open') return;
      this.state = 'aborted';
      openWriters.delete(this);
      this.chunks = [];
      await this.opening?.catch(() => undefined);
      if (this.file !== null) {
        const file = this.file;
        this.file = null;
        await file.destroy();
      }
      if (this.filePath !== null) await rm(this.filePath, { force: true });
    }
  }

  return {
    createWriter(meta) {
      if (closed) throw new CourierError('INTERNAL', 'Courier is shutting down; the response cannot be kept.');
      const writer = new SpoolingWriter(meta);
      openWriters.add(writer);
      return writer;
    },

    async read(id, offset, length) {
      const stored = bodies.get(id);
      if (!stored) throw new CourierError('BODY_NOT_FOUND', 'This response body is no longer available. Send the request again to see it.', id.slice(0, 128));
      const total = stored.kind === 'memory' ? stored.bytes.length : stored.size;
      const start = Math.min(Math.max(0, offset), total);
      const end = Math.min(total, start + Math.max(0, length));
      if (stored.kind === 'memory') return { bytes: stored.bytes.subarray(start, end), total };
      if (end === start) return { bytes: Buffer.alloc(0), total };
      const handle = await open(stored.path, 'r');
      try {
        const bytes = Buffer.allocUnsafe(end - start);
        let filled = 0;
        while (filled < bytes.length) {
          const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, start + filled);
          if (bytesRead === 0) break;
          filled += bytesRead;
        }
        return { bytes: cipher.decrypt(stored.iv, start, bytes.subarray(0, filled)), total };
      } finally {
        await handle.close();
      }
    },

    async release(id) {
      const stored = forget(id);
      if (!stored) return false;
      await removeStored(stored);
      return true;
    },

    async close() {
      closed = true;
      const pending = [...openWriters];
      await Promise.all(pending.map((writer) => writer.abort()));
      const all = [...bodies.values()];
      bodies.clear();
      held.memory = 0;
      held.file = 0;
      await Promise.all(all.map(removeStored));
      await spoolThread.close();
    },
  };
}
