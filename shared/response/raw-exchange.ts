interface RawHop {
  method: string;
  url: string;
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
}

/** Header lines as they would appear on the wire: "Name: value" per line, duplicates kept, in order. */
export function formatHeaderLines(headers: ReadonlyArray<readonly [string, string]>): string {
  return headers.map(([name, value]) => `${name}: ${value}`).join('\n');
}

/** A redirect hop as text, for the Raw tab: the request line, then the response that sent us on. */
export function formatRedirectHop(hop: RawHop, index: number): string {
  const head = `${hop.method} ${hop.url}\n→ ${hop.status} ${hop.statusText}`;
  const lines = formatHeaderLines(hop.headers);
  return `# Hop ${index + 1}\n${head}\n${lines}`.trimEnd();
}
