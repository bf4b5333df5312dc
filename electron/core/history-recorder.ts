import { CourierError, type BridgeError, type HttpExchange, type HttpRequestSpec } from '../../shared/contract';
import { redactBytes } from '../../shared/variables';
import { type BodyStore } from '../services/body-store';
import { type HistoryService, bufferSource, type BodySource } from '../services/history';
import { encodeRequestBody } from '../services/http';
import { maskedSource } from '../services/masking';

/** What one send leaves for history: the request as composed, as sent, and the secret values to keep off disk. */
export interface SendRecord {
  /** as composed, with {{references}} kept and literal credentials masked */
  composed: HttpRequestSpec;
  /** variables resolved and auth applied: what went on the wire (its body is what history keeps, redacted) */
  sent: HttpRequestSpec | null;
  sentAt: number;
  exchange: HttpExchange | null;
  error: BridgeError | null;
  /** plain values of the secrets this send used; never written to history */
  secrets: readonly string[];
}

/** The body of a request as it went out, rebuilt from the spec (the engine does not keep it). */
function sentRequestBody(spec: HttpRequestSpec, exchange: HttpExchange | null, secrets: readonly string[]): BodySource | null {
  if (exchange !== null && exchange.request.bodyBytes === 0) return null;
  let encoded;
  try {
    encoded = encodeRequestBody(spec.body);
  } catch {
    return null;
  }
  if (encoded.bytes === null || encoded.bytes.length === 0) return null;
  let bytes = encoded.bytes;
  // Multipart boundaries are random per encoding: use the one that went on the wire.
  const generated = /boundary=(\S+)/.exec(encoded.contentType ?? '')?.[1];
  const sentType = exchange?.request.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  const sent = /boundary=(----CourierFormBoundary[0-9a-f]+)/.exec(sentType)?.[1];
  if (generated && sent && generated !== sent) bytes = Buffer.from(bytes.toString('latin1').split(generated).join(sent), 'latin1');
  if (secrets.length > 0) bytes = Buffer.from(redactBytes(bytes, secrets));
  return bufferSource(bytes);
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
    const bodySpec = input.sent ?? composed;
    const work = (async () => {
      const requestBody = sentRequestBody(bodySpec, exchange, secrets);
      try {
        const responseBody = exchange ? await responseBodySource(exchange, secrets) : null;
        return (await history.record({ sentAt, composed, exchange, error, responseBody, requestBody })).id;
      } catch (recordError) {
        // The renderer dropped the body before it could be saved (or a cap evicted it): keep the entry without it.
        if (exchange && recordError instanceof CourierError && recordError.code === 'BODY_NOT_FOUND') {
          return (await history.record({ sentAt, composed, exchange, error, responseBody: null, requestBody })).id;
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
