import type { ImportResult } from '../../../shared/contract';
import type { MessagePort } from 'node:worker_threads';
import type { ItemEntry } from './result-batches';

/** The steps of an import, in order, as the window shows them. */
export type ImportPhase = 'parsing' | 'resolving' | 'converting';

export interface ImportWorkerInput {
  text: string;
  sourceUrl?: string;
}

/**
 * What the worker starts with; the text follows in `chunks` messages (strings), one per turn of the main event loop:
 * copying a 58 MB text into the worker in one go would stall the main thread for a quarter of a second.
 */
export interface ImportWorkerData {
  sourceUrl?: string;
  chunks: number;
  /**
   * Where every ImportWorkerMessage goes, in order. The main thread takes them one at a time with
   * receiveMessageOnPort, as many as fit in a few milliseconds per turn of its event loop: a 'message' listener would
   * be handed every queued message in one go. The worker's own port only carries READY nudges.
   */
  results: MessagePort;
}

/** the worker's nudge on its own port: a message waits on `results` */
export const READY = 'ready';

/** characters per message of the text: copying 2 MB at once took 10–30 ms of the main thread on a loaded machine */
export const TEXT_CHUNK = 512 * 1024;
/** the main thread's answer to each 'items' message: it frees a place in the worker's window (RESULT_WINDOW) */
export const NEXT_BATCH = 'next';
/**
 * 'items' messages the worker may have unanswered. One at a time cost a round trip per batch, each needing both
 * threads scheduled, seconds on a loaded machine. The main thread takes them one by one (see ImportWorkerData), so the
 * window only bounds the memory of messages waiting, not how much it decodes per turn: 16 messages of at most ~64 KB
 * (see result-batches.ts) hold about what 6 of the earlier 50-request messages (up to 163 KB) did, with a third of
 * the round trips.
 */
export const RESULT_WINDOW = 16;

/**
 * Posts `messages`, pausing whenever `window` 'items' messages are unanswered until `next` brings NEXT_BATCH; stops
 * (false) when anything else arrives (the main thread ended the conversation).
 */
export async function postWithWindow(
  messages: Iterable<ImportWorkerMessage>,
  post: (message: ImportWorkerMessage) => void,
  next: () => Promise<unknown>,
  window: number,
): Promise<boolean> {
  let unanswered = 0;
  for (const message of messages) {
    post(message);
    if (message.type !== 'items') continue;
    unanswered += 1;
    while (unanswered >= window) {
      if ((await next()) !== NEXT_BATCH) return false;
      unanswered -= 1;
    }
  }
  return true;
}

export type ImportWorkerMessage =
  | { type: 'progress'; phase: ImportPhase }
  /** the result without its items, then the items in batches (see result-batches.ts), then 'done' */
  | { type: 'head'; result: ImportResult }
  | { type: 'items'; entries: ItemEntry[]; texts: string[] }
  | { type: 'done' }
  | { type: 'error'; code: 'INVALID_IMPORT' | 'INTERNAL'; message: string };
