/// <reference lib="webworker" />
import { diffJson, tryParseJson } from '../../shared/history-view';
import { looksBinary } from '../../shared/response';
import { type DiffWorkerReply, type DiffWorkerRequest } from './diff-protocol';

/**
 * Compares two response bodies off the main thread: UTF-8 decoding, JSON parsing and the structural diff
 * of documents of many megabytes would each be a long task in the window.
 */
declare const self: DedicatedWorkerGlobalScope;

function join(chunks: Uint8Array[] | null): Uint8Array {
  if (!chunks) return new Uint8Array(0);
  const total = chunks.reduce((sum, c) => sum + c.length, 0);
  const all = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    all.set(c, offset);
    offset += c.length;
  }
  return all;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

self.onmessage = (event: MessageEvent<DiffWorkerRequest>) => {
  const { job, left, right } = event.data;
  let reply: DiffWorkerReply;
  try {
    const a = join(left);
    const b = join(right);
    if (looksBinary(a) || looksBinary(b)) {
      reply = { job, kind: 'binary', identical: sameBytes(a, b), leftBytes: a.length, rightBytes: b.length };
    } else {
      const decoder = new TextDecoder('utf-8');
      const leftText = decoder.decode(a);
      const rightText = decoder.decode(b);
      const leftJson = tryParseJson(leftText);
      const rightJson = tryParseJson(rightText);
      reply =
        leftJson && rightJson
          ? { job, kind: 'json', diff: diffJson(leftJson.value, rightJson.value) }
          : { job, kind: 'text', left: leftText, right: rightText };
    }
  } catch (error) {
    reply = { job, kind: 'error', message: `The bodies could not be compared: ${(error as Error).message}` };
  }
  self.postMessage(reply);
};
