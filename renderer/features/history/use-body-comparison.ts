import { useEffect, useState } from 'react';
import type { BodyRef, HistoryEntry } from '../../../shared/contract';
import { call } from '../../lib/bridge';
import { type DiffWorkerReply, type DiffWorkerRequest } from '../../workers/diff-protocol';

/** Bodies larger than this are compared on their first part only (and the view says so). */
export const COMPARE_LIMIT_BYTES = 8 * 1024 * 1024;
const READ_CHUNK = 1024 * 1024;

type BodyComparison =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'done'; result: Exclude<DiffWorkerReply, { kind: 'error' }>; truncated: boolean };

async function readRanges(body: BodyRef | null): Promise<Uint8Array[] | null> {
  if (!body || body.size === 0) return null;
  const end = Math.min(body.size, COMPARE_LIMIT_BYTES);
  const reads: Promise<Uint8Array>[] = [];
  for (let offset = 0; offset < end; offset += READ_CHUNK) {
    reads.push(call('body.read', { bodyId: body.id, offset, length: Math.min(READ_CHUNK, end - offset) }).then((r) => r.bytes));
  }
  return Promise.all(reads);
}

/** Reads both response bodies through the bridge and diffs them in the diff worker. */
export function useBodyComparison(left: HistoryEntry | undefined, right: HistoryEntry | undefined): BodyComparison {
  const [state, setState] = useState<BodyComparison>({ status: 'loading' });
  const leftBody = left?.exchange?.body ?? null;
  const rightBody = right?.exchange?.body ?? null;
  const ready = left !== undefined && right !== undefined;

  useEffect(() => {
    if (!ready) return;
    let live = true;
    const worker = new Worker(new URL('../../workers/diff-worker.ts', import.meta.url), { type: 'module', name: 'diff-worker' });
    const truncated = (leftBody?.size ?? 0) > COMPARE_LIMIT_BYTES || (rightBody?.size ?? 0) > COMPARE_LIMIT_BYTES;
    worker.onmessage = (event: MessageEvent<DiffWorkerReply>) => {
      if (!live) return;
      const reply = event.data;
      setState(reply.kind === 'error' ? { status: 'error', message: reply.message } : { status: 'done', result: reply, truncated });
    };
    worker.onerror = () => live && setState({ status: 'error', message: 'The bodies could not be compared.' });
    void Promise.all([readRanges(leftBody), readRanges(rightBody)])
      .then(([a, b]) => {
        if (!live) return;
        const request: DiffWorkerRequest = { job: 1, left: a, right: b };
        // each range's buffer is its own reply's: transferred, not copied
        const buffers = new Set([...(a ?? []), ...(b ?? [])].map((range) => range.buffer));
        worker.postMessage(request, [...buffers]);
      })
      .catch((error: unknown) => live && setState({ status: 'error', message: `The bodies could not be read: ${(error as Error).message}` }));
    return () => {
      live = false;
      worker.terminate();
    };
  }, [ready, leftBody, rightBody]);

  return ready ? state : { status: 'loading' };
}
