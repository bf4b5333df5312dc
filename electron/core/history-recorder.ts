import { CourierError, type BridgeError, type HttpExchange, type HttpRequestSpec } from '../../shared/contract';
import { type BodyStore } from '../services/body-store';
import { type HistoryService, bufferSource, type BodySource } from '../services/history';
import { encodeRequestBody } from '../services/http';

/** The body of a request as it went out, rebuilt from the composed spec (the engine does not keep it). */
function sentRequestBody(spec: HttpRequestSpec, exchange: HttpExchange | null): BodySource | null {
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
  return bufferSource(bytes);
}

/**
 * Records every sent request in history after http.send has answered. Until a recording has read the response
 * body out of the body store, body.release of that body waits for it (see whenCaptured).
 */
export function createHistoryRecorder(deps: { history: () => HistoryService | null; bodyStore: BodyStore; onError: (error: unknown) => void }) {
  const capturing = new Map<string, Promise<unknown>>();
  const pending = new Set<Promise<unknown>>();

  const record = (spec: HttpRequestSpec, sentAt: number, exchange: HttpExchange | null, error: BridgeError | null): void => {
    const history = deps.history();
    if (history === null) return;
    const work = (async () => {
      // The answer to http.send goes out first; even serialising a large composed request waits until after it.
      await new Promise((resolve) => setImmediate(resolve));
      const responseBody: BodySource | null = exchange
        ? { size: exchange.body.size, read: async (offset, length) => (await deps.bodyStore.read(exchange.body.id, offset, length)).bytes }
        : null;
      try {
        await history.record({ sentAt, composed: spec, exchange, error, responseBody, requestBody: sentRequestBody(spec, exchange) });
      } catch (recordError) {
        // The renderer dropped the body before it could be saved (or a cap evicted it): keep the entry without it.
        if (exchange && recordError instanceof CourierError && recordError.code === 'BODY_NOT_FOUND') {
          await history.record({ sentAt, composed: spec, exchange, error, responseBody: null, requestBody: sentRequestBody(spec, exchange) });
        } else {
          throw recordError;
        }
      }
    })().catch(deps.onError);
    pending.add(work);
    void work.finally(() => pending.delete(work));
    if (exchange) {
      capturing.set(exchange.body.id, work);
      void work.finally(() => capturing.delete(exchange.body.id));
    }
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
