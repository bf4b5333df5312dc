import type { HeaderList } from '../../../shared/contract';
import { cookiePair } from './cookie-pair';

/**
 * Session cookies are credentials: the values the jar sends and the values a response sets are secrets of that
 * exchange, masked like a secret variable wherever it is recorded (history, raw heads, stored bodies, run reports)
 * while the Cookies dialog reads the real ones from the in-memory jar.
 *
 * Only values of at least this many characters count. Masking replaces a value wherever it occurs, in every spelling
 * the masker knows, so a short flag such as `lang=en` or `a=1` would mask every "en" or "1" of the stored body and
 * headers and leave them unreadable; session ids and tokens are long, and a value this short is guessed anyway.
 */
const MIN_SECRET_LENGTH = 8;

/** a cookie value as the server gave it, without the optional double quotes around it */
const unquoted = (value: string): string => (value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value);

const secretValues = (values: readonly string[]): string[] =>
  [...new Set(values.map((value) => unquoted(value.trim())))].filter((value) => value.length >= MIN_SECRET_LENGTH);

/** the values of the jar's cookies for one hop (a nameless cookie's value is its whole pair) */
export function jarCookieSecrets(jarCookies: readonly (readonly [string, string])[]): string[] {
  return secretValues(jarCookies.map(([, value]) => value));
}

/** the values a response's Set-Cookie lines set ("session=abc; Path=/" → abc) */
export function setCookieSecrets(headers: HeaderList): string[] {
  const values: string[] = [];
  for (const [name, line] of headers) {
    if (name.length !== 10 || name.toLowerCase() !== 'set-cookie') continue;
    values.push(cookiePair(line.split(';', 1)[0] ?? '')[1]);
  }
  return secretValues(values);
}
