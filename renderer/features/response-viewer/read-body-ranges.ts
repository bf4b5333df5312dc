import { call } from '../../lib/bridge';

/**
 * Range size for body.read. Each reply is one binary WebSocket frame (web mode) or one structured clone (Electron):
 * the main thread only hands the bytes on, but receiving a frame is one task whose cost grows with its size: in a
 * Chromium trace of a 200 MB "Load anyway" (DevTools' network domain on, as under Playwright), a 1 MiB frame took
 * ~50 ms of CPU and a 256 KiB one ~12, so at 1 MiB those 200 frames held the longest tasks of the load. The read
 * was no slower for it (body-read bench, taken in turns on a busy machine).
 */
const READ_CHUNK_BYTES = 256 * 1024;
/** Several ranges in flight hide the round trip (as many bytes in flight as four 1 MiB ranges were). */
const READS_IN_FLIGHT = 16;

/**
 * Reads [0, limit) of a body through the bridge in ranges, a few in flight, and hands each on in order with the
 * count received so far. Stops early when onRange answers false (the reader moved on); a failed read rejects.
 */
export async function readBodyRanges(bodyId: string, limit: number, onRange: (bytes: Uint8Array<ArrayBuffer>, received: number) => boolean): Promise<void> {
  const ranges: Array<{ offset: number; length: number }> = [];
  for (let offset = 0; offset < limit; offset += READ_CHUNK_BYTES) ranges.push({ offset, length: Math.min(READ_CHUNK_BYTES, limit - offset) });
  const inFlight: Array<Promise<{ bytes: Uint8Array<ArrayBuffer> }>> = [];
  const issue = (index: number) => {
    const range = ranges[index];
    if (range) inFlight[index] = call('body.read', { bodyId, offset: range.offset, length: range.length });
  };
  for (let i = 0; i < READS_IN_FLIGHT; i++) issue(i);
  let received = 0;
  for (let i = 0; i < ranges.length; i++) {
    const { bytes } = await inFlight[i]!;
    delete inFlight[i];
    received += ranges[i]!.length;
    if (!onRange(bytes, received)) return;
    issue(i + READS_IN_FLIGHT);
  }
}
