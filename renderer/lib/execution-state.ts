import type { BridgeError, HttpBodyPreview, HttpExchange, HttpProgress, HttpRequestSpec, HttpResponseHead } from '../../shared/contract';

/**
 * What the response side of the window shows: produced by the request-execution feature (send, cancel, progress
 * events), consumed by the response viewer. View state only; the exchange's body stays in the main process.
 */
export type ExecutionState =
  | { kind: 'idle' }
  | {
      kind: 'sending';
      requestId: string;
      startedAt: number;
      progress: HttpProgress | null;
      request: HttpRequestSpec;
      /** what arrived of the answer so far (its head, its first lines), kept from the progress events that carried it */
      partial: PartialResponse | null;
    }
  /** `fromHistory`: not sent in this window but read back from history (after a reload, or "Restore to builder") */
  | { kind: 'done'; requestId: string; exchange: HttpExchange; request: HttpRequestSpec; fromHistory?: { entryId: number; sentAt: number } }
  /** `partial`: failed while the body arrived (a server gone silent, a dropped connection); what had arrived stays */
  | { kind: 'failed'; requestId: string; error: BridgeError; request: HttpRequestSpec; partial?: PartialResponse }
  /** `partial`: cancelled while the body arrived; what had arrived is still shown, as incomplete */
  | { kind: 'cancelled'; requestId: string; request: HttpRequestSpec; partial?: PartialResponse };

/** A response still arriving: its head as soon as it came, its first lines (masked) as they grow, the bytes so far. */
export interface PartialResponse {
  head: HttpResponseHead | null;
  preview: HttpBodyPreview | null;
  bytesReceived: number;
  bytesExpected: number | null;
}
