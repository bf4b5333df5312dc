import { describe, expect, it } from 'vitest';
import { httpRequestSpecSchema, type HttpRequestSpec, type HttpRequestSpecInput } from '../contract/http';
import { SECRET_MASK } from '../variables';
import { redactStoredCredentials } from './redact-stored-credentials';

const spec = (auth: HttpRequestSpecInput['auth']): HttpRequestSpec => httpRequestSpecSchema.parse({ method: 'GET', url: 'https://api.test/{{path}}', auth });

describe('redactStoredCredentials', () => {
  it('masks credentials typed literally and keeps usernames', () => {
    expect(redactStoredCredentials(spec({ kind: 'basic', username: 'me', password: 'hunter2' })).auth).toEqual({
      kind: 'basic',
      username: 'me',
      password: SECRET_MASK,
    });
    expect(redactStoredCredentials(spec({ kind: 'digest', username: 'me', password: 'x{{p}}' })).auth).toMatchObject({
      username: 'me',
      password: SECRET_MASK,
    });
    expect(redactStoredCredentials(spec({ kind: 'bearer', token: 'eyJ.abc', prefix: 'Bearer' })).auth).toEqual({
      kind: 'bearer',
      token: SECRET_MASK,
      prefix: 'Bearer',
    });
    expect(redactStoredCredentials(spec({ kind: 'apikey', name: 'X-Key', value: 'k', in: 'query' })).auth).toEqual({
      kind: 'apikey',
      name: 'X-Key',
      value: SECRET_MASK,
      in: 'query',
    });
    const oauth = redactStoredCredentials(spec({ kind: 'oauth2', tokenUrl: 'https://auth.test/token', clientId: 'app', clientSecret: 'shh-secret' })).auth;
    expect(oauth).toMatchObject({ tokenUrl: 'https://auth.test/token', clientId: 'app', clientSecret: SECRET_MASK });
  });

  it('keeps fields that hold only variable references, and empty ones', () => {
    expect(redactStoredCredentials(spec({ kind: 'bearer', token: '{{ token }}', prefix: 'Bearer' })).auth).toMatchObject({
      token: '{{ token }}',
    });
    expect(redactStoredCredentials(spec({ kind: 'basic', username: '{{u}}', password: '{{user}}:{{pass}}' })).auth).toMatchObject({
      password: '{{user}}:{{pass}}',
    });
    expect(redactStoredCredentials(spec({ kind: 'basic', username: 'u', password: '' })).auth).toMatchObject({ password: '' });
  });

  it('leaves the rest of the spec and the input untouched', () => {
    const input = spec({ kind: 'basic', username: 'me', password: 'hunter2' });
    const out = redactStoredCredentials(input);
    expect(out.url).toBe(input.url);
    expect(input.auth).toMatchObject({ password: 'hunter2' });
    const none = spec({ kind: 'none' });
    expect(redactStoredCredentials(none)).toBe(none);
  });
});
