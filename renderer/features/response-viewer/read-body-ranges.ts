import { call } from '../../lib/bridge';

/**
 * Range size for body.read. Each reply is one binary WebSocket frame (web mode) or one structured clone (Electron):
 * the main thread only hands the bytes on, so the size trades round trips against memory held.
 */
const READ_CHUNK_BYTES = 1024 * 1024;
/** Several ranges in flight hide the round trip. */
const READS_IN_FLIGHT = 4;

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
