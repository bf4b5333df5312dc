import { CourierError, type OAuth2Auth, type OAuth2TokenInfo, type RequestSettings } from '../../../shared/contract';
import { requestToken, requireTokenUrl, type TokenEndpointIo, type TokenResponse } from './token-endpoint';
import { oauth2TokenKey, readToken, tokenInfo, writeToken, type SecretStore, type StoredToken } from './token-store';

export interface AccessToken {
  accessToken: string;
  tokenType: string;
  info: OAuth2TokenInfo;
  warnings: string[];
}

/** Refresh (or fetch again) when the token has less than this left: a request sent now must not arrive too late. */
const REFRESH_MARGIN_MS = 60_000;

interface TokenLifecycleDeps {
  secrets: SecretStore;
  now: () => number;
  onTokensChanged?: () => void;
  /** the token endpoint's transport; `onStart` learns each request's id, to cancel it */
  io: (onStart?: (requestId: string) => void) => TokenEndpointIo;
  /** throws once Courier is shutting down: no token is asked for then */
  assertOpen: () => void;
}

/**
 * A token's life once the user has one (or can get one without a browser): kept in the vault, handed to each send,
 * renewed before it runs out (refresh token, or client credentials asked again), one renewal per token at a time.
 */
export function createTokenLifecycle(deps: TokenLifecycleDeps) {
  const { io, assertOpen } = deps;
  // One renewal per token at a time: with rotating refresh tokens, a second refresh with the old one would fail.
  const renewals = new Map<string, Promise<StoredToken>>();

  const store = (auth: OAuth2Auth, response: TokenResponse, previous: StoredToken | null): StoredToken => {
    const obtainedAt = deps.now();
    const token: StoredToken = {
      accessToken: response.accessToken,
      tokenType: response.tokenType,
      // RFC 6749 §6: a refresh answer without a new refresh token means the old one stays valid.
      refreshToken: response.refreshToken ?? previous?.refreshToken ?? null,
      scope: response.scope ?? previous?.scope ?? (auth.scope.trim() === '' ? null : auth.scope),
      obtainedAt,
      expiresAt: response.expiresIn === null ? null : obtainedAt + response.expiresIn * 1000,
    };
    writeToken(deps.secrets, oauth2TokenKey(auth), token);
    deps.onTokensChanged?.();
    return token;
  };

  const clientCredentials = async (auth: OAuth2Auth, settings: RequestSettings): Promise<StoredToken> => {
    const fields: [string, string][] = [['grant_type', 'client_credentials']];
    if (auth.scope.trim() !== '') fields.push(['scope', auth.scope.trim()]);
    if (auth.audience.trim() !== '') fields.push(['audience', auth.audience.trim()]);
    const response = await requestToken(io(), auth, settings, fields, []);
    // A new grant: nothing of an earlier token (its refresh token above all) carries over.
    return store(auth, response, null);
  };

  const refreshGrant = async (auth: OAuth2Auth, settings: RequestSettings, previous: StoredToken & { refreshToken: string }): Promise<StoredToken> => {
    // No scope: RFC 6749 §6 treats an omitted scope as the one originally granted.
    const fields: [string, string][] = [
      ['grant_type', 'refresh_token'],
      ['refresh_token', previous.refreshToken],
    ];
    const response = await requestToken(io(), auth, settings, fields, [previous.refreshToken, previous.accessToken]);
    return store(auth, response, previous);
  };

  /** Refresh when there is a refresh token; client credentials can simply ask again. */
  const renew = (auth: OAuth2Auth, settings: RequestSettings, previous: StoredToken): Promise<StoredToken> => {
    const key = oauth2TokenKey(auth);
    const running = renewals.get(key);
    if (running) return running;
    const work = (async () => {
      if (previous.refreshToken !== null) {
        try {
          return await refreshGrant(auth, settings, { ...previous, refreshToken: previous.refreshToken });
        } catch (error) {
          // A refused refresh token is no loss for client credentials: the client can still authenticate itself.
          if (auth.grant === 'client_credentials' && error instanceof CourierError && error.code === 'OAUTH_ERROR') {
            return clientCredentials(auth, settings);
          }
          throw error;
        }
      }
      if (auth.grant === 'client_credentials') return clientCredentials(auth, settings);
      throw new CourierError('AUTH_FAILED', 'The authorization server gave no refresh token with this token. Sign in again in the Auth tab (Get token).');
    })();
    renewals.set(key, work);
    const forget = (): void => {
      if (renewals.get(key) === work) renewals.delete(key);
    };
    work.then(forget, forget);
    return work;
  };

  const noTokenYet = (auth: OAuth2Auth): CourierError =>
    new CourierError(
      'AUTH_FAILED',
      auth.grant === 'client_credentials'
        ? 'There is no OAuth 2.0 token for this request yet. Get a token first in the Auth tab.'
        : 'There is no OAuth 2.0 token for this request yet. Sign in first in the Auth tab (Get token).',
    );

  return {
    /** keeps a token the authorization code flow obtained (no earlier token carries over) */
    keep: (auth: OAuth2Auth, response: TokenResponse): StoredToken => store(auth, response, null),

    status(auth: OAuth2Auth): OAuth2TokenInfo | null {
      const token = readToken(deps.secrets, oauth2TokenKey(auth));
      return token === null ? null : tokenInfo(token);
    },

    async accessToken(auth: OAuth2Auth, settings: RequestSettings): Promise<AccessToken> {
      const stored = readToken(deps.secrets, oauth2TokenKey(auth));
      const usable = (token: StoredToken, warnings: string[]): AccessToken => ({
        accessToken: token.accessToken,
        tokenType: token.tokenType,
        info: tokenInfo(token),
        warnings,
      });
      if (stored === null) {
        // Client credentials need no person: the first send asks for the token itself, as it would renew one.
        if (auth.grant !== 'client_credentials' || !auth.autoRefresh) throw noTokenYet(auth);
        assertOpen();
        requireTokenUrl(auth);
        return usable(await clientCredentials(auth, settings), ['Courier fetched an OAuth 2.0 token (client credentials) before sending.']);
      }
      const now = deps.now();
      if (stored.expiresAt === null || stored.expiresAt - now >= REFRESH_MARGIN_MS) return usable(stored, []);
      const expired = stored.expiresAt <= now;
      const left = Math.max(0, Math.round((stored.expiresAt - now) / 1000));
      const canRenew = stored.refreshToken !== null || auth.grant === 'client_credentials';
      if (auth.autoRefresh && canRenew) {
        assertOpen();
        const renewed = await renew(auth, settings, stored);
        const how = stored.refreshToken !== null ? 'refreshed it' : 'fetched a new one';
        return usable(renewed, [`The OAuth 2.0 token ${expired ? 'had expired' : `was about to expire (in ${left} s)`}, so Courier ${how} before sending.`]);
      }
      if (expired) {
        const expiredAt = new Date(stored.expiresAt).toISOString();
        throw new CourierError(
          'AUTH_FAILED',
          auth.autoRefresh
            ? `The OAuth 2.0 token expired at ${expiredAt} and the server gave no refresh token. Sign in again in the Auth tab (Get token).`
            : `The OAuth 2.0 token expired at ${expiredAt}. Refresh it in the Auth tab, or turn on automatic refresh.`,
        );
      }
      return usable(stored, [`The OAuth 2.0 token expires in ${left} s${auth.autoRefresh ? '' : ' (automatic refresh is off)'}.`]);
    },

    async fetchToken(auth: OAuth2Auth, settings: RequestSettings): Promise<OAuth2TokenInfo> {
      assertOpen();
      if (auth.grant !== 'client_credentials') {
        throw new CourierError('AUTH_FAILED', 'This request uses the authorization code grant: sign in through the browser instead.');
      }
      requireTokenUrl(auth);
      // Read first: a locked vault fails here (VAULT_LOCKED) before a token is asked for and then lost.
      readToken(deps.secrets, oauth2TokenKey(auth));
      return tokenInfo(await clientCredentials(auth, settings));
    },

    async refresh(auth: OAuth2Auth, settings: RequestSettings): Promise<OAuth2TokenInfo> {
      assertOpen();
      const stored = readToken(deps.secrets, oauth2TokenKey(auth));
      if (stored === null) throw noTokenYet(auth);
      return tokenInfo(await renew(auth, settings, stored));
    },

    clear(auth: OAuth2Auth): boolean {
      const deleted = deps.secrets.deleteSecret(oauth2TokenKey(auth));
      if (deleted) deps.onTokensChanged?.();
      return deleted;
    },
  };
}
