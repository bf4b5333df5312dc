export interface GraphqlErrorView {
  message: string;
  /** "line:column" pairs in the query */
  locations: { line: number; column: number }[];
  /** the response path, e.g. ["user", "posts", 2, "title"] */
  path: (string | number)[];
  /** the error's extensions as JSON text, when present */
  extensions: string | null;
}

interface GraphqlResponseView {
  /** the response had a data member (possibly null) */
  hasData: boolean;
  errors: GraphqlErrorView[];
}

function toErrorView(raw: unknown): GraphqlErrorView {
  const value = (typeof raw === 'object' && raw !== null ? raw : { message: String(raw) }) as Record<string, unknown>;
  const locations = Array.isArray(value.locations)
    ? value.locations.flatMap((location: unknown) => {
        const l = location as { line?: unknown; column?: unknown } | null;
        return l && typeof l.line === 'number' && typeof l.column === 'number' ? [{ line: l.line, column: l.column }] : [];
      })
    : [];
  const path = Array.isArray(value.path) ? value.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number') : [];
  return {
    message: typeof value.message === 'string' ? value.message : JSON.stringify(value.message ?? null),
    locations,
    path,
    extensions: value.extensions === undefined ? null : JSON.stringify(value.extensions),
  };
}

/**
 * The GraphQL view of a response body: null when it is not a GraphQL result (not JSON, not an object, or neither
 * data nor errors), so ordinary JSON responses are left alone.
 */
export function readGraphqlResponse(value: unknown): GraphqlResponseView | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  const hasData = 'data' in record;
  const hasErrors = Array.isArray(record.errors);
  if (!hasData && !hasErrors) return null;
  return { hasData, errors: hasErrors ? (record.errors as unknown[]).map(toErrorView) : [] };
}

export function parseGraphqlResponseText(text: string): GraphqlResponseView | null {
  try {
    return readGraphqlResponse(JSON.parse(text));
  } catch {
    return null;
  }
}

export function formatErrorPath(path: readonly (string | number)[]): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}
