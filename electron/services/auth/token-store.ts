import { createHash } from 'node:crypto';
import { type OAuth2Auth, type OAuth2TokenInfo } from '../../../shared/contract';

/** The vault, as the auth service sees it. */
export interface SecretStore {
  /** throws CourierError VAULT_LOCKED when the vault is locked */
  getSecret(id: string): string | null;
  putSecret(id: string, value: string): void;
  deleteSecret(id: string): boolean;
}

/** What is kept in the vault for one set of OAuth settings. */
export interface StoredToken {
  accessToken: string;
  tokenType: string;
  refreshToken: string | null;
  scope: string | null;
  obtainedAt: number;
  expiresAt: number | null;
}

/**
 * The vault id of the token for these settings. A JSON array rather than the fields joined with "|": a "|" inside a
 * URL or scope could otherwise make two different settings share a token.
 */
export function oauth2TokenKey(auth: OAuth2Auth): string {
  const identity = JSON.stringify([auth.grant, auth.tokenUrl, auth.clientId, auth.scope, auth.audience]);
  return `oauth2:${createHash('sha256').update(identity).digest('hex')}`;
}

const optionalString = (value: unknown): value is string | null => value === null || typeof value === 'string';
const optionalNumber = (value: unknown): value is number | null => value === null || (typeof value === 'number' && Number.isFinite(value));

/** null when nothing is stored or what is stored is not a token (written by something else, or damaged). */
export function readToken(secrets: SecretStore, key: string): StoredToken | null {
  const text = secrets.getSecret(key);
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const token = value as Record<string, unknown>;
  if (typeof token.accessToken !== 'string' || typeof token.tokenType !== 'string') return null;
  if (!optionalString(token.refreshToken) || !optionalString(token.scope)) return null;
  if (typeof token.obtainedAt !== 'number' || !optionalNumber(token.expiresAt)) return null;
  return {
    accessToken: token.accessToken,
    tokenType: token.tokenType,
    refreshToken: token.refreshToken,
    scope: token.scope,
    obtainedAt: token.obtainedAt,
    expiresAt: token.expiresAt,
  };
}

export function writeToken(secrets: SecretStore, key: string, token: StoredToken): void {
  const stored: StoredToken = {
    accessToken: token.accessToken,
    tokenType: token.tokenType,
    refreshToken: token.refreshToken,
    scope: token.scope,
    obtainedAt: token.obtainedAt,
    expiresAt: token.expiresAt,
  };
  secrets.putSecret(key, JSON.stringify(stored));
}

/** Enough of a token to recognise it, never enough to use it. */
function tokenPreview(token: string): string {
  return token.length < 12 ? '••••' : `${token.slice(0, 4)}…${token.slice(-4)}`;
}

export function tokenInfo(token: StoredToken): OAuth2TokenInfo {
  return {
    tokenType: token.tokenType,
    preview: tokenPreview(token.accessToken),
    scope: token.scope,
    obtainedAt: token.obtainedAt,
    expiresAt: token.expiresAt,
    hasRefreshToken: token.refreshToken !== null,
  };
}
