import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCookieJar } from './cookie-jar';
import { withJarCookies } from './merge-cookie-header';
import { keepableSetCookies } from './set-cookie-lines';

const set = (...lines: string[]): string[] => lines;

afterEach(() => {
  vi.useRealTimers();
});

describe('cookie jar', () => {
  it('lists cookies by domain, path and name, with what the dialog shows', async () => {
    const jar = createCookieJar();
    expect(await jar.list()).toEqual([]);
    await jar.storeFrom(new URL('https://b.example.com/app/x'), set('z=1; Path=/', 'a=2; Domain=example.com; Secure; HttpOnly; Max-Age=3600'));
    await jar.storeFrom(new URL('http://localhost:8080/'), set('session=s'));
    const listed = await jar.list();
    expect(listed.map((cookie) => [cookie.domain, cookie.path, cookie.name])).toEqual([
      ['b.example.com', '/', 'z'],
      ['example.com', '/app', 'a'],
      ['localhost', '/', 'session'],
    ]);
    expect(listed[1]).toMatchObject({ hostOnly: false, secure: true, httpOnly: true, value: '2' });
    expect(listed[1]?.expires).toBeGreaterThan(Date.now() + 3_500_000);
    expect(listed[2]).toMatchObject({ hostOnly: true, secure: false, expires: null });
  });

  it('deletes one cookie, clears one domain, clears everything', async () => {
    const jar = createCookieJar();
    await jar.storeFrom(new URL('http://a.test/'), set('one=1', 'two=2'));
    await jar.storeFrom(new URL('http://b.test/'), set('three=3'));
    await jar.storeFrom(new URL('http://c.test/'), set('four=4'));
    expect(await jar.delete({ domain: 'a.test', path: '/', name: 'one' })).toBe(true);
    expect(await jar.delete({ domain: 'a.test', path: '/', name: 'one' })).toBe(false);
    expect(await jar.cookiesFor(new URL('http://a.test/'))).toEqual([['two', '2']]);
    expect(await jar.clear('b.test')).toBe(1);
    expect((await jar.list()).map((cookie) => cookie.name)).toEqual(['two', 'four']);
    expect(await jar.clear()).toBe(2);
    expect(await jar.list()).toEqual([]);
  });

  it('counts Max-Age from when the cookie arrived, not from its last use', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const jar = createCookieJar();
    const url = new URL('http://a.test/');
    await jar.storeFrom(url, set('short=1; Max-Age=60'));
    vi.setSystemTime(Date.now() + 50_000);
    expect(await jar.cookiesFor(url)).toEqual([['short', '1']]);
    vi.setSystemTime(Date.now() + 11_000);
    expect(await jar.cookiesFor(url)).toEqual([]);
    expect(await jar.list()).toEqual([]);
  });

  it('leaves out expired cookies and cookies for a public suffix', async () => {
    const jar = createCookieJar();
    await jar.storeFrom(new URL('http://a.test/'), set('old=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT', 'ok=1'));
    // a site cannot set a cookie for every .com site
    await jar.storeFrom(new URL('http://shop.example.com/'), set('public=1; Domain=com'));
    expect((await jar.list()).map((cookie) => cookie.name)).toEqual(['ok']);
  });
});

describe('withJarCookies', () => {
  it('adds a Cookie header after the user headers when there is none', () => {
    expect(
      withJarCookies(
        [['Accept', '*/*']],
        [
          ['a', '1'],
          ['b', '2'],
        ],
      ),
    ).toEqual([
      ['Accept', '*/*'],
      ['Cookie', 'a=1; b=2'],
    ]);
  });

  it("keeps the user's pairs first and adds only names the user did not set", () => {
    expect(
      withJarCookies(
        [['cookie', 'a=typed; c=3;']],
        [
          ['a', 'jar'],
          ['b', '2'],
        ],
      ),
    ).toEqual([['cookie', 'a=typed; c=3; b=2']]);
    const headers: [string, string][] = [['Cookie', 'a=1']];
    expect(withJarCookies(headers, [['a', 'jar']])).toBe(headers);
    expect(withJarCookies(headers, [])).toBe(headers);
  });
});

describe('keepableSetCookies', () => {
  it('keeps the Set-Cookie lines, leaving out (by name) those that carry a secret the request sent, in any spelling', () => {
    const secret = 'Kq9!canary s3cr3t+/=zZ';
    const headers: [string, string][] = [
      ['Content-Type', 'text/plain'],
      ['set-cookie', 'a=1; Path=/'],
      ['Set-Cookie', `echo=${encodeURIComponent(secret)}; Path=/`],
      ['Set-Cookie', `raw=${secret}`],
    ];
    expect(keepableSetCookies(headers, [secret])).toEqual({ lines: ['a=1; Path=/'], refused: ['echo', 'raw'] });
    expect(keepableSetCookies(headers, []).lines).toHaveLength(3);
  });
});
