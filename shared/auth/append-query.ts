/**
 * Appends one encoded name=value pair to a URL's query, before any #fragment (a fragment is never sent, so a key
 * placed after it would be lost).
 */
export function appendQueryParam(url: string, name: string, value: string): string {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : url.slice(hashAt);
  const pair = `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
  let separator = '?';
  if (beforeHash.includes('?')) separator = beforeHash.endsWith('?') || beforeHash.endsWith('&') ? '' : '&';
  return `${beforeHash}${separator}${pair}${fragment}`;
}
