import type { HttpSse, SseEvent } from '../../../shared/contract';
import { appendCapped } from '../../../shared/websocket';

/** Choices for how many live events the window keeps: a long stream must not grow the tab without end. */
export const CAP_CHOICES = [1_000, 10_000, 100_000] as const;
export const DEFAULT_CAP = 10_000;

/** Sends whose live events are kept at once; beyond this the oldest send's buffer goes. */
const MAX_BUFFERS = 32;

export interface LiveSseBuffer {
  /** the newest `cap` events, one array grown in place (copying it per batch would cost O(n²) over a long stream) */
  readonly events: SseEvent[];
  readonly dropped: number;
  readonly cap: number;
  /** Stop was pressed and the stream has not ended yet: kept here so a view mounted again still says so */
  readonly stopping: boolean;
  /** changes once per frame in which events came (and when the cap changes): what a view re-renders on */
  readonly version: number;
}

interface Buffer {
  events: SseEvent[];
  dropped: number;
  cap: number;
  stopping: boolean;
  version: number;
}

interface LiveSseDeps {
  requestFrame(callback: () => void): number;
  cancelFrame(handle: number): void;
  /** the cap a new send's buffer starts with */
  initialCap(): number;
  /** the cap the user chose, kept for the next sends */
  keepCap(cap: number): void;
  maxBuffers?: number;
}

export interface LiveSseStore {
  /** a send began: its events are kept from its first batch, whether or not a view is showing them yet */
  begin(requestId: string): void;
  /** the send ended (answered, failed, cancelled, replaced, its tab closed): its buffer goes, later batches too */
  end(requestId: string): void;
  /** one 'http.sse' batch; views hear of it at the next frame */
  add(batch: HttpSse): void;
  /** null: no send of that id is being kept */
  buffer(requestId: string): LiveSseBuffer | null;
  /** 0 until the first frame with events; the snapshot a view subscribes to */
  version(requestId: string): number;
  subscribe(requestId: string, listener: () => void): () => void;
  setCap(requestId: string, cap: number): void;
  /** the user asked the stream to stop; it ends (and its buffer goes) when the host has closed it */
  markStopping(requestId: string): void;
  /** the window goes away */
  dispose(): void;
}

/**
 * The live events of every send in flight, kept outside the views that show them: a view that mounts late (its code
 * still loading) or again (its tab left and re-opened) shows everything that has arrived, not only what comes next.
 */
export function createLiveSseStore(deps: LiveSseDeps): LiveSseStore {
  const maxBuffers = deps.maxBuffers ?? MAX_BUFFERS;
  // insertion order is the order sends began: the first key is the oldest
  const buffers = new Map<string, Buffer>();
  const listeners = new Map<string, Set<() => void>>();
  const dirty = new Set<string>();
  let frame = 0;

  const tell = (requestId: string): void => {
    for (const listener of [...(listeners.get(requestId) ?? [])]) listener();
  };

  const flush = (): void => {
    frame = 0;
    const due = [...dirty];
    dirty.clear();
    for (const requestId of due) {
      const buffer = buffers.get(requestId);
      if (!buffer) continue;
      buffer.version += 1;
      tell(requestId);
    }
  };

  const end = (requestId: string): void => {
    if (!buffers.delete(requestId)) return;
    dirty.delete(requestId);
    tell(requestId);
  };

  return {
    begin(requestId) {
      if (buffers.has(requestId)) return;
      buffers.set(requestId, { events: [], dropped: 0, cap: deps.initialCap(), stopping: false, version: 0 });
      for (const oldest of buffers.keys()) {
        if (buffers.size <= maxBuffers) break;
        end(oldest);
      }
    },
    end,
    add(batch) {
      const buffer = buffers.get(batch.requestId);
      if (!buffer) return;
      buffer.dropped += appendCapped(buffer.events, batch.events, buffer.cap);
      dirty.add(batch.requestId);
      if (frame === 0) frame = deps.requestFrame(flush);
    },
    buffer: (requestId) => buffers.get(requestId) ?? null,
    version: (requestId) => buffers.get(requestId)?.version ?? 0,
    subscribe(requestId, listener) {
      const set = listeners.get(requestId) ?? new Set();
      listeners.set(requestId, set);
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(requestId);
      };
    },
    setCap(requestId, cap) {
      deps.keepCap(cap);
      const buffer = buffers.get(requestId);
      if (!buffer) return;
      buffer.cap = cap;
      buffer.dropped += appendCapped(buffer.events, [], cap);
      buffer.version += 1;
      tell(requestId);
    },
    markStopping(requestId) {
      const buffer = buffers.get(requestId);
      if (!buffer || buffer.stopping) return;
      buffer.stopping = true;
      buffer.version += 1;
      tell(requestId);
    },
    dispose() {
      if (frame !== 0) deps.cancelFrame(frame);
      frame = 0;
      dirty.clear();
      for (const requestId of [...buffers.keys()]) end(requestId);
    },
  };
}
