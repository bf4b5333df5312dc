import { CourierError, type BridgeError, type HttpExchange, type HttpRequestSpec } from '../../shared/contract';
import { redactBytes } from '../../shared/variables';
import { type BodyStore } from '../services/body-store';
import { type HistoryService, bufferSource, type BodySource } from '../services/history';
import { maskedSource } from '../services/masking';

/** What one send leaves for history: the request as composed, as sent, and the secret values to keep off disk. */
interface SendRecord {
  /** as composed, with {{references}} kept and literal credentials masked */
  composed: HttpRequestSpec;
  /** the body bytes the engine put on the wire (SendOptions.onRequestBody), kept redacted; absent or null: none */
  sentBody?: Buffer | null;
  sentAt: number;
  exchange: HttpExchange | null;
  error: BridgeError | null;
  /** plain values of the secrets this send used; never written to history */
  secrets: readonly string[];
  /** the saved request's workspace path, when sent from one */
  savedPath?: string | undefined;
}

/** The body of a request as it went out, the engine's own bytes, with every secret value redacted. */
function sentRequestBody(bytes: Buffer | null | undefined, secrets: readonly string[]): BodySource | null {
  if (!bytes || bytes.length === 0) return null;
  return bufferSource(secrets.length > 0 ? Buffer.from(redactBytes(bytes, secrets)) : bytes);
}

/**
 * Records every sent request in history before http.send answers: an answer the user has seen must survive a crash
 * (kill -9, power cut of the process) right after it, so the pipeline awaits record() and the entry's transaction
 * has committed (WAL, synchronous=NORMAL: durable across a process crash) before the window hears back. A failed
 * recording is reported, not thrown: history trouble never takes the answer away. Until a recording has read the
 * response body out of the body store, body.release of that body waits for it (see whenCaptured).
 */
export function createHistoryRecorder(deps: { history: () => HistoryService | null; bodyStore: BodyStore; onError: (error: unknown) => void }) {
  const capturing = new Map<string, Promise<unknown>>();
  const pending = new Set<Promise<unknown>>();

  const responseBodySource = async (exchange: HttpExchange, secrets: readonly string[]): Promise<BodySource | null> => {
    const { id, size } = exchange.body;
    const engineBody: BodySource = { size, read: async (offset, length) => (await deps.bodyStore.read(id, offset, length)).bytes };
    // A server may echo what it was sent (in any escaping): history keeps the body with every spelling masked,
    // streamed a chunk at a time whatever its size.
    return maskedSource(engineBody, secrets);
  };

  /** resolves with the entry's id, or null when nothing was recorded */
  const record = (input: SendRecord): Promise<number | null> => {
    const history = deps.history();
    if (history === null) return Promise.resolve(null);
    const { composed, sentAt, exchange, error, secrets } = input;
    const saved = input.savedPath === undefined ? {} : { savedPath: input.savedPath };
    const work = (async () => {
      const requestBody = sentRequestBody(input.sentBody, secrets);
      try {
        const responseBody = exchange ? await responseBodySource(exchange, secrets) : null;
        return (await history.record({ sentAt, composed, exchange, error, responseBody, requestBody, ...saved })).id;
      } catch (recordError) {
        // The renderer dropped the body before it could be saved (or a cap evicted it): keep the entry without it.
        if (exchange && recordError instanceof CourierError && recordError.code === 'BODY_NOT_FOUND') {
          return (await history.record({ sentAt, composed, exchange, error, responseBody: null, requestBody, ...saved })).id;
        }
        throw recordError;
      }
    })().catch((recordError: unknown) => {
      deps.onError(recordError);
      return null;
    });
    pending.add(work);
    void work.finally(() => pending.delete(work));
    if (exchange) {
      capturing.set(exchange.body.id, work);
      void work.finally(() => capturing.delete(exchange.body.id));
    }
    return work;
  };

  return {
    record,
    /** resolves once history no longer needs the engine body with this id */
    whenCaptured: (bodyId: string): Promise<unknown> => capturing.get(bodyId) ?? Promise.resolve(),
    async drain(): Promise<void> {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}

export type HistoryRecorder = ReturnType<typeof createHistoryRecorder>;
