import { cookiePair } from './cookie-pair';

/**
 * The headers for one hop with the jar's cookies added. A Cookie header the user wrote wins per cookie name: its
 * pairs come first, as written, and the jar adds only names the user did not set (Postman's rule). Without a user
 * Cookie header the jar's pairs become one, after the user's headers.
 */
export function withJarCookies(headers: [string, string][], jarCookies: readonly (readonly [string, string])[]): [string, string][] {
  if (jarCookies.length === 0) return headers;
  const own = headers.findIndex(([name]) => name.toLowerCase() === 'cookie');
  const userNames = new Set<string>();
  for (const [name, value] of headers) if (name.toLowerCase() === 'cookie') for (const cookieName of namesIn(value)) userNames.add(cookieName);
  const added = jarCookies.filter(([name]) => !userNames.has(name)).map(([name, value]) => (name === '' ? value : `${name}=${value}`));
  if (added.length === 0) return headers;
  if (own === -1) return [...headers, ['Cookie', added.join('; ')]];
  return headers.map((header, index): [string, string] => {
    if (index !== own) return header;
    const typed = header[1].trim().replace(/;$/, '');
    return [header[0], typed === '' ? added.join('; ') : `${typed}; ${added.join('; ')}`];
  });
}

/** the cookie names of a Cookie header value ("a=1; b=2" → a, b); a pair without "=" is a nameless cookie */
function namesIn(value: string): string[] {
  return value
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '')
    .map((pair) => cookiePair(pair)[0]);
}
