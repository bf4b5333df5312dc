import { describe, expect, it } from 'vitest';
import { SECRET_MASK, secretNeedles } from './needles';
import { redactBytes, redactText } from './redact';

const SECRET = 'c4n4ry-s3cr3t/+ü';

describe('secretNeedles', () => {
  it('includes the plain, URL-encoded, form-encoded and JSON-escaped forms, longest first', () => {
    const needles = secretNeedles('a b/ü"');
    expect(needles).toEqual(expect.arrayContaining(['a b/ü"', 'a%20b%2F%C3%BC%22', 'a+b%2F%C3%BC%22', 'a b/ü\\"', 'a b/\\u00fc\\"']));
    expect([...needles].sort((a, b) => b.length - a.length)).toEqual(needles);
    expect(new Set(needles).size).toBe(needles.length);
  });

  it('skips forms shorter than four characters', () => {
    expect(secretNeedles('abc')).toEqual([]);
    expect(secretNeedles('')).toEqual([]);
    expect(secretNeedles('abcd').every((needle) => needle.length >= 4)).toBe(true);
  });
});

describe('redactText', () => {
  it('finds the secret inside base64 of "user:secret" at every alignment, both alphabets', () => {
    for (const user of ['', 'u', 'us', 'use', 'user', 'users', 'Ünïcode']) {
      const credentials = Buffer.from(`${user}:${SECRET}`, 'utf8');
      for (const encoded of [credentials.toString('base64'), credentials.toString('base64url')]) {
        const redacted = redactText(`Authorization: Basic ${encoded}`, [SECRET]);
        expect(redacted, `${user}: ${encoded}`).toContain(SECRET_MASK);
        // what is left of the encoding is the user's part plus at most two characters shared with the secret
        expect(redacted.length).toBeLessThan(`Authorization: Basic ${encoded}`.length - 10);
      }
    }
    const alone = Buffer.from(SECRET).toString('base64');
    expect(redactText(alone, [SECRET]).startsWith(SECRET_MASK)).toBe(true);
  });

  it('finds the secret URL-encoded in a query and escaped in JSON', () => {
    const query = new URLSearchParams({ key: SECRET, other: 'x' }).toString();
    expect(redactText(`https://x.test/?${query}`, [SECRET])).toBe(`https://x.test/?key=${SECRET_MASK}&other=x`);
    expect(redactText(`/?key=${encodeURIComponent(SECRET)}`, [SECRET])).toBe(`/?key=${SECRET_MASK}`);
    const url = new URL(`https://x.test/?k=${"quote'd secret"}`).href;
    expect(redactText(url, ["quote'd secret"])).toBe(`https://x.test/?k=${SECRET_MASK}`);
    const json = JSON.stringify({ password: 'pa"ss\\wörd' });
    expect(redactText(json, ['pa"ss\\wörd'])).toBe(`{"password":"${SECRET_MASK}"}`);
    const asciiJson = '{"p":"pa\\"ss\\\\w\\u00f6rd"}';
    expect(redactText(asciiJson, ['pa"ss\\wörd'])).toBe(`{"p":"${SECRET_MASK}"}`);
  });

  it('leaves unrelated text alone and takes a fast path without secrets', () => {
    const text = 'GET /users?page=2 HTTP/1.1\r\nHost: example.com\r\nAuthorization: Basic dXNlcjpvdGhlcg==\r\n';
    expect(redactText(text, [SECRET])).toBe(text);
    expect(redactText(text, [])).toBe(text);
    expect(redactText(text, ['abc'])).toBe(text);
  });

  it('masks every occurrence of every secret', () => {
    expect(redactText('one-secret two-secret one-secret', ['one-secret', 'two-secret'])).toBe(`${SECRET_MASK} ${SECRET_MASK} ${SECRET_MASK}`);
  });
});

describe('redactBytes', () => {
  it('returns the same array when nothing matches', () => {
    const bytes = new TextEncoder().encode('nothing to see');
    expect(redactBytes(bytes, [SECRET])).toBe(bytes);
    expect(redactBytes(bytes, [])).toBe(bytes);
  });

  it('masks UTF-8, Latin-1 and encoded forms in a body', () => {
    const body = `{"a":"${SECRET}","b":"${Buffer.from(`me:${SECRET}`).toString('base64')}"} q=${encodeURIComponent(SECRET)} end`;
    const out = new TextDecoder().decode(redactBytes(new TextEncoder().encode(body), [SECRET]));
    expect(out).not.toContain(SECRET);
    expect(out).not.toContain(encodeURIComponent(SECRET));
    expect(out).toContain(`{"a":"${SECRET_MASK}"`);
    expect(out.endsWith(`q=${SECRET_MASK} end`)).toBe(true);

    const latin1 = Buffer.from(`x=pässwörd;`, 'latin1');
    expect(Buffer.from(redactBytes(latin1, ['pässwörd'])).toString('utf8')).toBe(`x=${SECRET_MASK};`);
  });

  it('handles matches at the edges and back to back', () => {
    const bytes = new TextEncoder().encode('secretsecret');
    expect(new TextDecoder().decode(redactBytes(bytes, ['secret']))).toBe(SECRET_MASK + SECRET_MASK);
  });
});
