import { credentialTexts } from '../auth/credential-texts';
import type { AuthKind, OAuth2Auth, RequestAuth } from '../contract/auth';
import { isOnlyReferences } from '../variables';

/** The settings last used for each kind in this builder, so switching Basic → Bearer → Basic loses nothing. */
export type RememberedAuth = Partial<Record<AuthKind, RequestAuth>>;

function credentials(auth: RequestAuth): { username: string; password: string } | null {
  return auth.kind === 'basic' || auth.kind === 'digest' ? { username: auth.username, password: auth.password } : null;
}

/**
 * oauth2AuthSchema's defaults, written out: the schema is not loaded in the renderer at start (it would bring zod).
 * auth-settings.test.ts holds the two equal.
 */
const OAUTH2_DEFAULTS: OAuth2Auth = {
  kind: 'oauth2',
  grant: 'client_credentials',
  tokenUrl: '',
  authorizationUrl: '',
  clientId: '',
  clientSecret: '',
  scope: '',
  audience: '',
  clientAuth: 'basic',
  redirectPort: 0,
  headerPrefix: 'Bearer',
  autoRefresh: true,
};

/**
 * The auth settings after the user picks another kind: what that kind had before, else its defaults, with the
 * username and password carried between Basic and Digest (the same credentials, a different scheme).
 */
export function switchAuthKind(current: RequestAuth, kind: AuthKind, remembered: RememberedAuth = {}): RequestAuth {
  if (current.kind === kind) return current;
  const carried = credentials(current);
  if ((kind === 'basic' || kind === 'digest') && carried && (carried.username !== '' || carried.password !== '')) {
    return { kind, ...carried };
  }
  const previous = remembered[kind];
  if (previous) return previous;
  switch (kind) {
    case 'basic':
    case 'digest':
      return { kind, username: '', password: '' };
    case 'bearer':
      return { kind, token: '', prefix: 'Bearer' };
    case 'apikey':
      return { kind, name: '', value: '', in: 'header' };
    case 'oauth2':
      return { ...OAUTH2_DEFAULTS };
    default:
      return { kind };
  }
}

interface AuthTextField {
  /** the field's label in the Auth tab */
  label: string;
  text: string;
}

/** Every text field of the auth settings that is sent (or used to get a token), for reference checks. */
export function authTextFields(auth: RequestAuth): AuthTextField[] {
  switch (auth.kind) {
    case 'inherit':
    case 'none':
      return [];
    case 'basic':
    case 'digest':
      return [
        { label: 'Username', text: auth.username },
        { label: 'Password', text: auth.password },
      ];
    case 'bearer':
      return [
        { label: 'Token', text: auth.token },
        { label: 'Prefix', text: auth.prefix },
      ];
    case 'apikey':
      return [
        { label: 'Key name', text: auth.name },
        { label: 'Key value', text: auth.value },
      ];
    case 'oauth2':
      return [
        { label: 'Token URL', text: auth.tokenUrl },
        ...(auth.grant === 'authorization_code' ? [{ label: 'Authorization URL', text: auth.authorizationUrl }] : []),
        { label: 'Client ID', text: auth.clientId },
        { label: 'Client secret', text: auth.clientSecret },
        { label: 'Scope', text: auth.scope },
        { label: 'Audience', text: auth.audience },
        { label: 'Header prefix', text: auth.headerPrefix },
      ];
  }
}

/** True when the text is nothing but {{references}} (and spaces): it holds no secret of its own to hide. */
export function isReferenceOnly(text: string): boolean {
  return isOnlyReferences(text, /^\s*$/);
}

/** True when a credential is typed in as it is rather than taken from a {{variable}} (the hint then says so). */
export function hasLiteralCredential(auth: RequestAuth): boolean {
  return credentialTexts(auth).some((text) => text.trim() !== '' && !isReferenceOnly(text));
}

/** The redirect listener's path (the main process listens on http://127.0.0.1:<port>/callback, RFC 8252 §7.3). */
const LOOPBACK_CALLBACK_PATH = '/callback';

/** What to register at the authorization server as the redirect URI for a port (0: a free port each time). */
export function loopbackRedirectUri(port: number): string {
  return `http://127.0.0.1:${port === 0 ? '<any port>' : port}${LOOPBACK_CALLBACK_PATH}`;
}

/** A port typed in the Auth tab: a whole number 0–65535, empty meaning 0 (any); null when it is not one. */
export function parsePort(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  if (!/^\d{1,5}$/.test(trimmed)) return null;
  const port = Number(trimmed);
  return port <= 65535 ? port : null;
}
