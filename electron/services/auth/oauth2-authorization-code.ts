import { createHash, randomBytes } from 'node:crypto';
import { CourierError, type OAuth2Auth, type OAuth2TokenInfo, type RequestSettings } from '../../../shared/contract';
import { startLoopback, type CallbackPage, type LoopbackListener } from './loopback';
import { oneLine, redact } from './redact';
import { clientSecretSpellings, requestToken, requireTokenUrl, type TokenEndpointIo, type TokenResponse } from './token-endpoint';
import { oauth2TokenKey, readToken, tokenInfo, type SecretStore, type StoredToken } from './token-store';

interface AuthorizationCodeDeps {
  secrets: SecretStore;
  openExternal?: (url: string) => Promise<boolean>;
  cancel: (requestId: string) => boolean;
  now: () => number;
  flowTimeoutMs: number;
  io: (onStart?: (requestId: string) => void) => TokenEndpointIo;
  assertOpen: () => void;
  /** keeps the token the flow obtained */
  keep: (auth: OAuth2Auth, response: TokenResponse) => StoredToken;
}

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

/**
 * The authorization code grant with PKCE (RFC 6749 §4.1, RFC 7636): a loopback listener for the browser's answer,
 * the state check, the code exchanged for a token; flows end on success, failure, cancel, timeout or shutdown.
 */
export function createAuthorizationCodeFlows(deps: AuthorizationCodeDeps) {
  const { io, assertOpen } = deps;
  const flows = new Map<string, Flow>();

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
      return {
        status: 200,
        title: 'Sign-in not completed',
        message: `The authorization server said: ${said}. You can close this tab and return to Courier.`,
        done: true,
      };
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
          return tokenInfo(deps.keep(flow.auth, response));
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
      const pending = [...flows.values()];
      for (const flow of pending) settleFlow(flow, { error: new CourierError('CANCELLED', 'The sign-in was stopped because Courier is shutting down.') });
      await Promise.all(pending.map((flow) => endFlow(flow)));
    },
  };
}
