import { bridge } from '../../lib/bridge';
import { CAP_CHOICES, DEFAULT_CAP, createLiveSseStore, type LiveSseStore } from './live-sse-store';

const CAP_KEY = 'courier.sse.liveCap';

function storedCap(): number {
  const value = Number(globalThis.localStorage?.getItem(CAP_KEY));
  return (CAP_CHOICES as readonly number[]).includes(value) ? value : DEFAULT_CAP;
}

/**
 * The window's live SSE events. It lives in the eagerly loaded part of the response viewer, not in the live view's
 * lazy chunk: batches that come while that chunk is still loading are kept, not missed.
 */
export const liveSseEvents: LiveSseStore = createLiveSseStore({
  // A fast stream sends far more batches than frames: views re-render at most once per frame.
  requestFrame: (callback) => requestAnimationFrame(callback),
  cancelFrame: (handle) => cancelAnimationFrame(handle),
  initialCap: storedCap,
  keepCap: (cap) => globalThis.localStorage?.setItem(CAP_KEY, String(cap)),
});

let listening = 0;
let stopListening: (() => void) | null = null;

/**
 * Feeds 'http.sse' batches to the live store, from when the owner of the window's sends mounts until it unmounts.
 * One subscription however many callers: a batch appended twice would count its events twice.
 */
export function listenForLiveSse(): () => void {
  if (listening++ === 0) stopListening = bridge.subscribe('http.sse', liveSseEvents.add);
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    if (--listening === 0) {
      stopListening?.();
      stopListening = null;
    }
  };
}
