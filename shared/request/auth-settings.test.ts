import { describe, expect, it } from 'vitest';
import { requestAuthSchema, type AuthKind } from '../contract/auth';
import { authTextFields, hasLiteralCredential, isReferenceOnly, loopbackRedirectUri, parsePort, switchAuthKind } from './auth-settings';

describe('switchAuthKind', () => {
  it('starts a kind from its defaults', () => {
    expect(switchAuthKind({ kind: 'none' }, 'bearer')).toEqual({ kind: 'bearer', token: '', prefix: 'Bearer' });
    expect(switchAuthKind({ kind: 'none' }, 'apikey')).toEqual({ kind: 'apikey', name: '', value: '', in: 'header' });
    const oauth = switchAuthKind({ kind: 'none' }, 'oauth2');
    expect(oauth).toMatchObject({
      kind: 'oauth2',
      grant: 'client_credentials',
      clientAuth: 'basic',
      headerPrefix: 'Bearer',
      autoRefresh: true,
      redirectPort: 0,
    });
    expect(switchAuthKind({ kind: 'bearer', token: 't', prefix: 'Bearer' }, 'none')).toEqual({ kind: 'none' });
  });

  it('starts every kind from exactly its schema defaults (they are written out, not read from the schema)', () => {
    const kinds: AuthKind[] = ['inherit', 'none', 'oauth2'];
    for (const kind of kinds) {
      const from = kind === 'none' ? ({ kind: 'inherit' } as const) : ({ kind: 'none' } as const);
      expect(switchAuthKind(from, kind)).toStrictEqual(requestAuthSchema.parse({ kind }));
    }
  });

  it('carries the username and password between Basic and Digest', () => {
    expect(switchAuthKind({ kind: 'basic', username: 'ann', password: '{{pw}}' }, 'digest')).toEqual({ kind: 'digest', username: 'ann', password: '{{pw}}' });
  });

  it('brings back what a kind had before', () => {
    const bearer = { kind: 'bearer', token: '{{token}}', prefix: 'Token' } as const;
    expect(switchAuthKind({ kind: 'none' }, 'bearer', { bearer })).toBe(bearer);
    expect(switchAuthKind(bearer, 'bearer')).toBe(bearer);
  });
});

describe('authTextFields', () => {
  it('lists the fields that are used, by label', () => {
    expect(authTextFields({ kind: 'apikey', name: 'X-Key', value: '{{key}}', in: 'query' }).map((f) => f.label)).toEqual(['Key name', 'Key value']);
    const cc = switchAuthKind({ kind: 'none' }, 'oauth2');
    expect(authTextFields(cc).map((f) => f.label)).not.toContain('Authorization URL');
    if (cc.kind !== 'oauth2') throw new Error('expected oauth2');
    expect(authTextFields({ ...cc, grant: 'authorization_code' }).map((f) => f.label)).toContain('Authorization URL');
  });
});

describe('hasLiteralCredential', () => {
  it('is true only for a credential typed in as it is', () => {
    expect(hasLiteralCredential({ kind: 'basic', username: 'ann', password: '' })).toBe(false);
    expect(hasLiteralCredential({ kind: 'basic', username: 'ann', password: '{{pw}}' })).toBe(false);
    expect(hasLiteralCredential({ kind: 'basic', username: 'ann', password: ' {{ pw }} ' })).toBe(false);
    expect(hasLiteralCredential({ kind: 'basic', username: 'ann', password: 'hunter2' })).toBe(true);
    expect(hasLiteralCredential({ kind: 'bearer', token: 'abc{{suffix}}', prefix: 'Bearer' })).toBe(true);
    expect(hasLiteralCredential({ kind: 'none' })).toBe(false);
  });
});

describe('redirect port', () => {
  it('parses what is typed, empty meaning any port', () => {
    expect(parsePort('')).toBe(0);
    expect(parsePort(' 8765 ')).toBe(8765);
    expect(parsePort('65535')).toBe(65535);
    expect(parsePort('65536')).toBeNull();
    expect(parsePort('-1')).toBeNull();
    expect(parsePort('80a')).toBeNull();
  });

  it('shows the redirect URI to register', () => {
    expect(loopbackRedirectUri(8765)).toBe('http://127.0.0.1:8765/callback');
    expect(loopbackRedirectUri(0)).toBe('http://127.0.0.1:<any port>/callback');
  });
});

describe('isReferenceOnly', () => {
  it('is true for references and spaces only', () => {
    expect(isReferenceOnly('{{pw}}')).toBe(true);
    expect(isReferenceOnly(' {{a}} {{b}} ')).toBe(true);
    expect(isReferenceOnly('')).toBe(false);
    expect(isReferenceOnly('x{{a}}')).toBe(false);
    expect(isReferenceOnly('{{a')).toBe(false);
  });
});
