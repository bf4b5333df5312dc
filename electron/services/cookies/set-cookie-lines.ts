import type { HeaderList } from '../../../shared/contract';
import { redactText } from '../../../shared/variables';
import { cookiePair } from './cookie-pair';

/**
 * A response's Set-Cookie lines the jar may keep. A line holding a secret this request sent (in any spelling the
 * masker knows: a server that echoes an API key into a session cookie) is left out: kept, it would go out on the next
 * request, whose history entry does not know that value is a secret and would keep it in plain text.
 */
export function keepableSetCookies(headers: HeaderList, secrets: readonly string[]): { lines: string[]; refused: string[] } {
  const lines: string[] = [];
  const refused: string[] = [];
  for (const [name, value] of headers) {
    if (name.length !== 10 || name.toLowerCase() !== 'set-cookie') continue;
    if (secrets.length > 0 && redactText(value, secrets) !== value) refused.push(cookieName(value));
    else lines.push(value);
  }
  return { lines, refused };
}

const cookieName = (line: string): string => cookiePair(line.split(';', 1)[0] ?? '')[0].slice(0, 100);
