/** "name=value" split at its first "=" (the name trimmed); a pair without "=" is a nameless cookie, all value */
export function cookiePair(pair: string): [name: string, value: string] {
  const at = pair.indexOf('=');
  return at === -1 ? ['', pair] : [pair.slice(0, at).trim(), pair.slice(at + 1)];
}
