import { describe, expect, it } from 'vitest';
import { httpRequestSpecSchema, type HttpRequestSpec, type HttpRequestSpecInput } from '../contract/http';
import { applySimpleAuth } from './apply-simple-auth';
import { appendQueryParam } from './append-query';

const spec = (input: Partial<HttpRequestSpecInput>): HttpRequestSpec => httpRequestSpecSchema.parse({ method: 'GET', url: 'https://api.test/items', ...input });

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

describe('applySimpleAuth', () => {
  it('sends Basic credentials as base64 of UTF-8 and reports what it derived', () => {
    const input = spec({ auth: { kind: 'basic', username: 'me', password: 'pw-secret' } });
    const { spec: out, derivedSecrets, warnings } = applySimpleAuth(input);
    expect(out.headers).toEqual([{ name: 'Authorization', value: `Basic ${b64('me:pw-secret')}`, enabled: true }]);
    expect(out.auth).toEqual({ kind: 'none' });
    expect(derivedSecrets).toEqual([`Basic ${b64('me:pw-secret')}`, b64('me:pw-secret'), 'pw-secret']);
    expect(warnings).toEqual([]);
    expect(input.auth.kind).toBe('basic');
    expect(input.headers).toEqual([]);
  });

  it('encodes unicode credentials as UTF-8', () => {
    const { spec: out } = applySimpleAuth(spec({ auth: { kind: 'basic', username: 'Jürgen', password: 'пароль😀' } }));
    expect(out.headers[0]!.value).toBe(`Basic ${b64('Jürgen:пароль😀')}`);
  });

  it('sends a bearer token with its prefix, or alone when the prefix is empty', () => {
    const withPrefix = applySimpleAuth(spec({ auth: { kind: 'bearer', token: 'tok-1', prefix: 'Bearer' } }));
    expect(withPrefix.spec.headers).toEqual([{ name: 'Authorization', value: 'Bearer tok-1', enabled: true }]);
    expect(withPrefix.derivedSecrets).toEqual(['Bearer tok-1', 'tok-1']);
    const bare = applySimpleAuth(spec({ auth: { kind: 'bearer', token: 'tok-1', prefix: '' } }));
    expect(bare.spec.headers).toEqual([{ name: 'Authorization', value: 'tok-1', enabled: true }]);
    expect(applySimpleAuth(spec({ auth: { kind: 'bearer', token: 't', prefix: 'Token ' } })).spec.headers[0]!.value).toBe('Token t');
  });

  it('sends no header for an empty bearer token, and says so', () => {
    const out = applySimpleAuth(spec({ auth: { kind: 'bearer', token: '', prefix: 'Bearer' } }));
    expect(out.spec.headers).toEqual([]);
    expect(out.spec.auth).toEqual({ kind: 'none' });
    expect(out.warnings).toHaveLength(1);
  });

  it('replaces an enabled header of the same name and warns, keeping disabled ones', () => {
    const input = spec({
      headers: [
        { name: 'Accept', value: '*/*' },
        { name: ' authorization ', value: 'Bearer from-headers' },
        { name: 'Authorization', value: 'off', enabled: false },
      ],
      auth: { kind: 'bearer', token: 'from-auth', prefix: 'Bearer' },
    });
    const { spec: out, warnings } = applySimpleAuth(input);
    expect(out.headers).toEqual([
      { name: 'Accept', value: '*/*', enabled: true },
      { name: 'Authorization', value: 'off', enabled: false },
      { name: 'Authorization', value: 'Bearer from-auth', enabled: true },
    ]);
    expect(warnings).toEqual(["The Auth tab's Authorization replaced the Authorization header set on the Headers tab."]);
  });

  it('sends an API key as a header, replacing one of the same name', () => {
    const {
      spec: out,
      derivedSecrets,
      warnings,
    } = applySimpleAuth(spec({ headers: [{ name: 'x-api-key', value: 'old' }], auth: { kind: 'apikey', name: 'X-Api-Key', value: 'k-123', in: 'header' } }));
    expect(out.headers).toEqual([{ name: 'X-Api-Key', value: 'k-123', enabled: true }]);
    expect(out.auth).toEqual({ kind: 'none' });
    expect(derivedSecrets).toEqual(['k-123']);
    expect(warnings).toHaveLength(1);
  });

  it('sends an API key in the query, encoded, before the fragment and after an existing query', () => {
    const apply = (url: string): string => applySimpleAuth(spec({ url, auth: { kind: 'apikey', name: 'api key', value: 'a&b=c/é', in: 'query' } })).spec.url;
    const pair = 'api%20key=a%26b%3Dc%2F%C3%A9';
    expect(apply('https://api.test/items')).toBe(`https://api.test/items?${pair}`);
    expect(apply('https://api.test/items?page=2')).toBe(`https://api.test/items?page=2&${pair}`);
    expect(apply('https://api.test/items?page=2#top')).toBe(`https://api.test/items?page=2&${pair}#top`);
    expect(apply('https://api.test/items#frag?not-a-query')).toBe(`https://api.test/items?${pair}#frag?not-a-query`);
    expect(apply('https://api.test/items?')).toBe(`https://api.test/items?${pair}`);
    expect(apply('https://api.test/items?a=1&')).toBe(`https://api.test/items?a=1&${pair}`);
  });

  it('refuses an API key without a name', () => {
    const out = applySimpleAuth(spec({ auth: { kind: 'apikey', name: ' ', value: 'k-123', in: 'header' } }));
    expect(out.spec.headers).toEqual([]);
    expect(out.warnings).toHaveLength(1);
  });

  it('leaves none, digest and OAuth 2.0 alone', () => {
    for (const auth of [{ kind: 'none' }, { kind: 'digest', username: 'u', password: 'p' }, { kind: 'oauth2', tokenUrl: 'https://auth.test/token' }] as const) {
      const input = spec({ auth });
      expect(applySimpleAuth(input)).toEqual({ spec: input, derivedSecrets: [], warnings: [] });
    }
  });
});

describe('appendQueryParam', () => {
  it('starts a query when there is none', () => {
    expect(appendQueryParam('/p', 'k', 'v')).toBe('/p?k=v');
  });
});
