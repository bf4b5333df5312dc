import type { RequestAuthInput } from '../../contract';
import { arr, isRecord, str } from '../common/warnings';

/** Postman writes auth parameters as [{key, value}] (v2.1) or as an object (v2.0). */
function params(raw: unknown): Record<string, string> {
  if (Array.isArray(raw))
    return Object.fromEntries(
      arr(raw)
        .filter(isRecord)
        .map((entry) => [str(entry.key), str(entry.value)]),
    );
  if (isRecord(raw)) return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, str(value)]));
  return {};
}

/** Courier has the client credentials and authorization code grants only; another one is said, not switched silently. */
export function grantNote(grant: string): string {
  return `The OAuth 2.0 grant "${grant}" is not one Courier has; the auth was imported with the client credentials grant: check it before sending.`;
}

/** null: no auth on this item (it inherits); a string: a scheme Courier does not have. */
export function postmanAuth(raw: unknown, note: (message: string) => void = () => {}): RequestAuthInput | string | null {
  if (!isRecord(raw)) return null;
  const type = str(raw.type);
  const p = params(raw[type]);
  switch (type) {
    // Postman's "Inherit auth from parent", written out: the same as no auth key at all
    case 'inherit':
      return null;
    case 'noauth':
      return { kind: 'none' };
    case 'basic':
      return { kind: 'basic', username: p.username ?? '', password: p.password ?? '' };
    case 'digest':
      return { kind: 'digest', username: p.username ?? '', password: p.password ?? '' };
    case 'bearer':
      return { kind: 'bearer', token: p.token ?? '' };
    case 'apikey':
      return { kind: 'apikey', name: p.key ?? '', value: p.value ?? '', in: p.in === 'query' ? 'query' : 'header' };
    case 'oauth2':
      if (p.grant_type && p.grant_type !== 'authorization_code' && p.grant_type !== 'client_credentials') note(grantNote(p.grant_type));
      return {
        kind: 'oauth2',
        grant: p.grant_type === 'authorization_code' ? 'authorization_code' : 'client_credentials',
        tokenUrl: p.accessTokenUrl ?? '',
        authorizationUrl: p.authUrl ?? '',
        clientId: p.clientId ?? '',
        clientSecret: p.clientSecret ?? '',
        scope: p.scope ?? '',
        headerPrefix: p.headerPrefix || 'Bearer',
      };
    default:
      return type === '' ? null : type;
  }
}

/**
 * A request's auth as Postman v2.1 writes it: "inherit" leaves auth out (Postman then inherits too), "none" is
 * Postman's "noauth", so it does not pick up the collection's auth on the way back in.
 */
export function toPostmanRequestAuth(auth: RequestAuthInput): Record<string, unknown> | null {
  if (auth.kind === 'none') return { type: 'noauth' };
  return toPostmanAuth(auth);
}

/** Courier auth as Postman v2.1 writes it. */
export function toPostmanAuth(auth: RequestAuthInput): Record<string, unknown> | null {
  const kv = (entries: Record<string, string>) => Object.entries(entries).map(([key, value]) => ({ key, value, type: 'string' }));
  switch (auth.kind) {
    case 'basic':
    case 'digest':
      return { type: auth.kind, [auth.kind]: kv({ username: auth.username, password: auth.password }) };
    case 'bearer':
      return { type: 'bearer', bearer: kv({ token: auth.token }) };
    case 'apikey':
      return { type: 'apikey', apikey: kv({ key: auth.name, value: auth.value, in: auth.in ?? 'header' }) };
    case 'oauth2':
      return {
        type: 'oauth2',
        oauth2: kv({
          grant_type: auth.grant ?? 'client_credentials',
          accessTokenUrl: auth.tokenUrl ?? '',
          authUrl: auth.authorizationUrl ?? '',
          clientId: auth.clientId ?? '',
          clientSecret: auth.clientSecret ?? '',
          scope: auth.scope ?? '',
          headerPrefix: auth.headerPrefix ?? 'Bearer',
        }),
      };
    default:
      return null;
  }
}
