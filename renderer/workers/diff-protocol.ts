import { type JsonDiff } from '../../shared/history-view';

/** Two bodies to compare, as the byte ranges read through body.read (null: that side has no body). */
export interface DiffWorkerRequest {
  job: number;
  left: Uint8Array[] | null;
  right: Uint8Array[] | null;
}

export type DiffWorkerReply =
  | { job: number; kind: 'json'; diff: JsonDiff }
  | { job: number; kind: 'text'; left: string; right: string }
  | { job: number; kind: 'binary'; identical: boolean; leftBytes: number; rightBytes: number }
  | { job: number; kind: 'error'; message: string };
