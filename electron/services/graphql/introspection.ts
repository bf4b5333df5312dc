import { createHash } from 'node:crypto';
import { CourierError, type GraphqlIntrospection, type HttpRequestSpec } from '../../../shared/contract';
import { introspectionQueryText } from '../../../shared/graphql';
import type { VariableLayer } from '../../../shared/variables';

/** What introspection needs from the HTTP side: one request sent, its status and body text. */
/** `inherited`: the variables of the saved request's collection and folders, for the preparer. */
export type SendForText = (
  spec: HttpRequestSpec,
  inherited?: readonly VariableLayer[],
) => Promise<{ status: number; statusText: string; contentType: string | null; text: string }>;

interface IntrospectionServiceOptions {
  send: SendForText;
  /** endpoints remembered (least recently used go first); default 32 */
  maxEntries?: number;
  now?: () => number;
}

interface IntrospectionService {
  introspect(request: HttpRequestSpec, refresh: boolean, inherited?: readonly VariableLayer[]): Promise<GraphqlIntrospection>;
  clear(): void;
}

/**
 * Same endpoint, same headers and auth → same schema, as far as a client can know. Everything that could change
 * what the server shows (a token in a header, a different user) is in the key; the body is not.
 */
function cacheKey(request: HttpRequestSpec, inherited: readonly VariableLayer[]): string {
  const headers = request.headers.filter((h) => h.enabled !== false).map((h) => [h.name.trim().toLowerCase(), h.value]);
  const params = request.params.filter((p) => p.enabled !== false).map((p) => [p.name, p.value]);
  const variables = request.variables.filter((v) => v.enabled !== false).map((v) => [v.name, v.value]);
  const layers = inherited.map((layer) => layer.variables.map((v) => [v.name, v.value]));
  return createHash('sha256')
    .update(JSON.stringify([request.url.trim(), params, headers, request.auth, variables, layers]))
    .digest('hex');
}

function introspectionSpec(request: HttpRequestSpec): HttpRequestSpec {
  // Always POST: the introspection query is ~2 KB of text, which some servers and proxies refuse in a URL.
  return {
    ...request,
    method: 'POST',
    body: { kind: 'graphql', query: introspectionQueryText(), variables: '', operationName: 'IntrospectionQuery', method: 'POST' },
  };
}

function failed(message: string, detail?: string): CourierError {
  return new CourierError('GRAPHQL_INTROSPECTION_FAILED', message, detail);
}

/**
 * A good introspection answer's JSON text ({ data: { __schema } }); anything else is explained. An answer that
 * plainly holds a schema is passed on unparsed: parsing megabytes here only to serialise them again would cost tens
 * of milliseconds, and the renderer's worker parses (and checks) it anyway.
 */
function introspectionAnswer(answer: Awaited<ReturnType<SendForText>>): string {
  if (answer.status >= 200 && answer.status < 300 && /^\s*\{/.test(answer.text) && /"__schema"\s*:\s*\{/.test(answer.text)) return answer.text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.text);
  } catch {
    const status = `${answer.status} ${answer.statusText}`.trim();
    throw failed(`The server did not answer the schema query with JSON (status ${status}). Is this a GraphQL endpoint?`, answer.contentType ?? undefined);
  }
  const record = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as { data?: { __schema?: unknown } | null; errors?: { message?: unknown }[] };
  if (record.data && typeof record.data === 'object' && record.data.__schema) return answer.text;
  const first = Array.isArray(record.errors) ? record.errors[0]?.message : undefined;
  if (typeof first === 'string') {
    throw failed(`The server refused to describe its schema: ${first.slice(0, 500)}. Introspection may be turned off on this endpoint.`);
  }
  throw failed(`The server's answer (status ${answer.status}) has no schema in it. Is this a GraphQL endpoint?`);
}

export function createIntrospectionService(options: IntrospectionServiceOptions): IntrospectionService {
  const maxEntries = options.maxEntries ?? 32;
  const now = options.now ?? Date.now;
  const cache = new Map<string, GraphqlIntrospection>();
  // Two explorers asking at once share one request.
  const inFlight = new Map<string, Promise<GraphqlIntrospection>>();

  const fetchSchema = async (key: string, request: HttpRequestSpec, inherited: readonly VariableLayer[]): Promise<GraphqlIntrospection> => {
    const started = performance.now();
    const answer = await options.send(introspectionSpec(request), inherited);
    const introspection = introspectionAnswer(answer);
    const entry: GraphqlIntrospection = {
      introspection,
      hash: createHash('sha256').update(introspection).digest('hex').slice(0, 16),
      fetchedAt: now(),
      cached: false,
      durationMs: Math.round(performance.now() - started),
    };
    cache.delete(key);
    cache.set(key, entry);
    while (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
    return entry;
  };

  return {
    async introspect(request, refresh, inherited = []) {
      const key = cacheKey(request, inherited);
      const hit = cache.get(key);
      if (hit && !refresh) {
        cache.delete(key);
        cache.set(key, hit);
        return { ...hit, cached: true, durationMs: 0 };
      }
      const pending = inFlight.get(key) ?? fetchSchema(key, request, inherited).finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
      return pending;
    },
    clear() {
      cache.clear();
    },
  };
}
