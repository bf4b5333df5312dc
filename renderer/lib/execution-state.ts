import type { BridgeError, HttpExchange, HttpProgress, HttpRequestSpec } from '../../shared/contract';

/**
 * What the response side of the window shows: produced by the request-execution feature (send, cancel, progress
 * events), consumed by the response viewer. View state only; the exchange's body stays in the main process.
 */
export type ExecutionState =
  | { kind: 'idle' }
  | { kind: 'sending'; requestId: string; startedAt: number; progress: HttpProgress | null; request: HttpRequestSpec }
  /** `fromHistory`: not sent in this window but read back from history (after a reload, or "Restore to builder") */
  | { kind: 'done'; requestId: string; exchange: HttpExchange; request: HttpRequestSpec; fromHistory?: { entryId: number; sentAt: number } }
  | { kind: 'failed'; requestId: string; error: BridgeError; request: HttpRequestSpec }
  | { kind: 'cancelled'; requestId: string; request: HttpRequestSpec };
