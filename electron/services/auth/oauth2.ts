import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { CourierError, type HttpExchange, type HttpRequestSpec, type OAuth2Auth, type OAuth2TokenInfo, type RequestSettings } from '../../../shared/contract';
import { startLoopback, type CallbackPage, type LoopbackListener } from './loopback';
import { oneLine, redact } from './redact';
import { clientSecretSpellings, requestToken, requireTokenUrl, type TokenResponse } from './token-endpoint';
import { oauth2TokenKey, readToken, tokenInfo, writeToken, type SecretStore, type StoredToken } from './token-store';

export interface OAuth2Deps {
  send: (requestId: string, spec: HttpRequestSpec) => Promise<HttpExchange>;
  cancel: (requestId: string) => boolean;
  readBody: (bodyId: string) => Promise<Uint8Array>;
  releaseBody: (bodyId: string) => Promise<unknown>;
  secrets: SecretStore;
  openExternal?: (url: string) => Promise<boolean>;
  now: () => number;
  onTokensChanged?: () => void;
  flowTimeoutMs: number;
}

export interface AccessToken {
  accessToken: string;
  tokenType: string;
  info: OAuth2TokenInfo;
  warnings: string[];
}

/** Refresh (or fetch again) when the token has less than this left: a request sent now must not arrive too late. */
export const REFRESH_MARGIN_MS = 60_000;

interface Flow {
  id: string;
  auth: OAuth2Auth;
  settings: RequestSettings;
  verifier: string;
  state: string;
  redirectUri: string;
  listener: LoopbackListener;
  /** settles with the code once the browser comes back */
  redirect: Promise<string>;
  settle: { resolve: (code: string) => void; reject: (error: CourierError) => void };
  settled: boolean;
  /** when the browser came back or the flow failed; abandoned flows are dropped a while after */
  settledAt: number | null;
  cancelled: CourierError | null;
  timer: NodeJS.Timeout;
  completion: Promise<OAuth2TokenInfo> | null;
  /** the token request in flight for this flow, to cancel it */
  requestId: string | null;
}

const base64url = (bytes: Buffer): string => bytes.toString('base64url');

export function createOAuth2(deps: OAuth2Deps) {
  const flows = new Map<string, Flow>();
  const tokenRequests = new Set<string>();
  // One renewal per token at a time: with rotating refresh tokens, a second refresh with the old one would fail.
  const renewals = new Map<string, Promise<StoredToken>>();
  let closed = false;

  const assertOpen = (): void => {
    if (closed) throw new CourierError('INTERNAL', 'Courier is shutting down; the token was not requested.');
  };

  const io = (onStart?: (requestId: string) => void) => ({
    send: async (spec: HttpRequestSpec): Promise<HttpExchange> => {
      const requestId = `oauth2-${randomUUID()}`;
      tokenRequests.add(requestId);
      onStart?.(requestId);
      try {
        return await deps.send(requestId, spec);
      } finally {
        tokenRequests.delete(requestId);
      }
    },
    readBody: deps.readBody,
    releaseBody: deps.releaseBody,
  });

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
    const fields: [string, string][] = [['grant_type', 'refresh_token'], ['refresh_token', previous.refreshToken]];
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

  const settleFlow = (flow: Flow, outcome: { code: string } | { error: CourierError }): void => {
    if (flow.settled) return;
    flow.settled = true;
    flow.settledAt = deps.now();
    clearTimeout(flow.timer);
    if ('code' in outcome) flow.settle.resolve(outcome.code);
    else flow.settle.reject(outcome.error);
  };

  const onCallback = (flow: Flow, query: URLSearchParams): CallbackPage => {
    const state = query.get('state');
    const error = query.get('error');
    const code = query.get('code');
    if (state === null && error === null && code === null) {
      return { status: 400, title: 'Waiting for sign-in', message: 'This address is where the authorization server sends you back to Courier.', done: false };
    }
    // Checked first: an answer that is not for this sign-in (RFC 6749 §10.12) must neither end it nor speak for it.
    // Any page or process can reach this loopback port, so a forged callback is ignored and the flow keeps waiting
    // for the real one (or its timeout); otherwise one stray request could cancel every sign-in.
    if (state !== flow.state) {
      return {
        status: 400,
        title: 'Sign-in refused',
        message:
          state === null
            ? 'This answer carried no state, so it cannot be for the sign-in Courier started. Courier is still waiting for the real one.'
            : 'This answer was not for the sign-in Courier started (the state did not match). Courier is still waiting for the real one.',
        done: false,
      };
    }
    if (error !== null) {
      const description = query.get('error_description');
      const words = (text: string, max: number): string => oneLine(redact(text, [flow.verifier, ...clientSecretSpellings(flow.auth)]), max);
      const said = description ? `${words(error, 200)}: ${words(description, 1000)}` : words(error, 200);
      const uri = query.get('error_uri');
      settleFlow(flow, { error: new CourierError('OAUTH_ERROR', `The authorization server refused: ${said}`, uri ? words(uri, 1000) : undefined) });
      return { status: 200, title: 'Sign-in not completed', message: `The authorization server said: ${said}. You can close this tab and return to Courier.`, done: true };
    }
    if (code === null || code === '') {
      settleFlow(flow, { error: new CourierError('OAUTH_ERROR', 'The authorization server came back without an authorization code.') });
      return { status: 400, title: 'Sign-in not completed', message: 'No authorization code came back. Go back to Courier and start again.', done: true };
    }
    settleFlow(flow, { code });
    return { status: 200, title: 'Signed in', message: 'Courier received the authorization. You can close this tab and return to Courier.', done: true };
  };

  const endFlow = async (flow: Flow): Promise<void> => {
    clearTimeout(flow.timer);
    if (flows.get(flow.id) === flow) flows.delete(flow.id);
    await flow.listener.close();
  };

  // A flow nobody completed (the window closed mid sign-in) would otherwise stay in memory until close().
  const pruneAbandoned = (): void => {
    const now = deps.now();
    for (const flow of flows.values()) {
      if (flow.completion === null && flow.settledAt !== null && now - flow.settledAt > deps.flowTimeoutMs) void endFlow(flow);
    }
  };

  return {
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

    async begin(auth: OAuth2Auth, settings: RequestSettings) {
      assertOpen();
      if (auth.grant !== 'authorization_code') {
        throw new CourierError('AUTH_FAILED', 'This request uses the client credentials grant: get the token directly, no browser needed.');
      }
      requireTokenUrl(auth);
      let authorizationUrl: URL;
      try {
        authorizationUrl = new URL(auth.authorizationUrl.trim());
      } catch {
        throw new CourierError('AUTH_FAILED', 'Enter the authorization URL (http:// or https://) in the Auth tab.');
      }
      // The URL goes to the system browser: nothing but a web page may be opened from here.
      if (authorizationUrl.protocol !== 'https:' && authorizationUrl.protocol !== 'http:') {
        throw new CourierError('AUTH_FAILED', 'The authorization URL must start with https:// (or http://).', authorizationUrl.protocol);
      }
      readToken(deps.secrets, oauth2TokenKey(auth)); // VAULT_LOCKED now rather than after the user has signed in
      pruneAbandoned();

      const id = base64url(randomBytes(18));
      // RFC 7636 §4.1: 32 random octets, base64url → a 43-character verifier; the challenge is its SHA-256.
      const verifier = base64url(randomBytes(32));
      const challenge = base64url(createHash('sha256').update(verifier).digest());
      const state = base64url(randomBytes(24));
      let flow: Flow | null = null;
      const listener = await startLoopback(auth.redirectPort, (query) =>
        flow === null ? { status: 503, title: 'Not ready', message: 'Try again in a moment.', done: false } : onCallback(flow, query),
      );
      let settle: Flow['settle'] = { resolve: () => undefined, reject: () => undefined };
      const redirect = new Promise<string>((resolve, reject) => {
        settle = { resolve, reject };
      });
      // Nobody may ever call complete(): the rejection must not surface as unhandled.
      redirect.catch(() => undefined);
      const created: Flow = {
        id,
        auth,
        settings,
        verifier,
        state,
        redirectUri: listener.redirectUri,
        listener,
        redirect,
        settle,
        settled: false,
        settledAt: null,
        cancelled: null,
        completion: null,
        requestId: null,
        timer: setTimeout(() => {
          settleFlow(created, {
            error: new CourierError(
              'OAUTH_ERROR',
              `No answer came back from the browser within ${Math.round(deps.flowTimeoutMs / 1000)} s, so the sign-in was stopped. Start it again.`,
              'timeout',
            ),
          });
          void listener.close();
        }, deps.flowTimeoutMs),
      };
      created.timer.unref();
      flow = created;
      flows.set(id, created);

      const url = new URL(authorizationUrl.href);
      const query = url.searchParams;
      query.set('response_type', 'code');
      query.set('client_id', auth.clientId);
      query.set('redirect_uri', listener.redirectUri);
      if (auth.scope.trim() !== '') query.set('scope', auth.scope.trim());
      if (auth.audience.trim() !== '') query.set('audience', auth.audience.trim());
      query.set('state', state);
      query.set('code_challenge', challenge);
      query.set('code_challenge_method', 'S256');

      let openedExternally = false;
      if (deps.openExternal) {
        try {
          openedExternally = await deps.openExternal(url.href);
        } catch {
          // The renderer offers the link instead.
          openedExternally = false;
        }
      }
      return { flowId: id, authorizationUrl: url.href, redirectUri: listener.redirectUri, openedExternally };
    },

    complete(flowId: string): Promise<OAuth2TokenInfo> {
      const flow = flows.get(flowId);
      if (!flow) {
        return Promise.reject(
          new CourierError('OAUTH_FLOW_NOT_FOUND', 'This sign-in is no longer in progress (it ended, was cancelled, or Courier restarted). Start it again.'),
        );
      }
      flow.completion ??= (async () => {
        try {
          const code = await flow.redirect;
          await flow.listener.close();
          if (flow.cancelled) throw flow.cancelled;
          const fields: [string, string][] = [
            ['grant_type', 'authorization_code'],
            ['code', code],
            ['redirect_uri', flow.redirectUri],
            ['code_verifier', flow.verifier],
          ];
          const tracked = io((requestId) => {
            flow.requestId = requestId;
          });
          // The vault may have been locked while the user was in the browser: better to say so than lose the token.
          readToken(deps.secrets, oauth2TokenKey(flow.auth));
          const response = await requestToken(tracked, flow.auth, flow.settings, fields, [code, flow.verifier]);
          return tokenInfo(store(flow.auth, response, null));
        } finally {
          flow.requestId = null;
          await endFlow(flow);
        }
      })();
      return flow.completion;
    },

    cancelFlow(flowId: string): boolean {
      const flow = flows.get(flowId);
      if (!flow) return false;
      flow.cancelled = new CourierError('CANCELLED', 'The sign-in was cancelled.');
      settleFlow(flow, { error: flow.cancelled });
      if (flow.requestId !== null) deps.cancel(flow.requestId);
      void endFlow(flow);
      return true;
    },

    async close(): Promise<void> {
      closed = true;
      for (const requestId of tokenRequests) deps.cancel(requestId);
      const pending = [...flows.values()];
      for (const flow of pending) settleFlow(flow, { error: new CourierError('CANCELLED', 'The sign-in was stopped because Courier is shutting down.') });
      await Promise.all(pending.map((flow) => endFlow(flow)));
    },
  };
}

export type OAuth2 = ReturnType<typeof createOAuth2>;
