import { describe, expect, it } from 'vitest';
import { jarCookieSecrets, setCookieSecrets } from './cookie-secrets';

describe('cookie values that are secrets of an exchange', () => {
  it("takes each Set-Cookie line's value, unquoted, once, and leaves short values and other headers alone", () => {
    const headers: [string, string][] = [
      ['Set-Cookie', 'session=abcdefgh1234; Path=/; HttpOnly'],
      ['set-cookie', 'token="quoted-value-99"; Secure'],
      ['SET-COOKIE', 'lang=en; Path=/'],
      ['Set-Cookie', 'a=1'],
      ['Set-Cookie', 'again=abcdefgh1234'],
      ['Set-Cookie', 'nameless-cookie-value'],
      ['X-Set-Cookie', 'other=abcdefghijkl'],
      ['Cookie', 'typed=abcdefghijkl'],
    ];
    expect(setCookieSecrets(headers)).toEqual(['abcdefgh1234', 'quoted-value-99', 'nameless-cookie-value']);
  });

  it("takes the jar's values of 8 characters or more", () => {
    expect(
      jarCookieSecrets([
        ['session', 'sess-0123456789'],
        ['a', '1'],
        ['theme', 'dark'],
        ['', 'x=12345678'],
      ]),
    ).toEqual(['sess-0123456789', 'x=12345678']);
  });
});
