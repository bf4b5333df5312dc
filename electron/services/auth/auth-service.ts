import { type HttpExchange, type HttpRequestSpec, type OAuth2Auth, type OAuth2TokenInfo, type RequestSettings } from '../../../shared/contract';
import { type SendOptions } from '../http';
import { createDigestSender } from './digest-flow';
import { createOAuth2 } from './oauth2';
import { type SecretStore } from './token-store';

export interface AuthServiceDeps {
  /** the HTTP engine's send: token requests go through it too, so TLS settings, timeouts, cancellation and the refused-address guard apply */
  send: (requestId: string, spec: HttpRequestSpec, options?: SendOptions) => Promise<HttpExchange>;
  cancel: (requestId: string) => boolean;
  /** whole body of an exchange (token responses are small); then released */
  readBody: (bodyId: string) => Promise<Uint8Array>;
  releaseBody: (bodyId: string) => Promise<unknown>;
  /** the vault; tokens are stored as JSON under oauth2TokenKey(auth) */
  secrets: SecretStore;
  /** Electron: the system browser; absent in web mode (the renderer opens a tab) */
  openExternal?: (url: string) => Promise<boolean>;
  now?: () => number;
  onTokensChanged?: () => void;
  /** how long begin() waits for the browser to come back; 5 minutes unless a test needs less */
  flowTimeoutMs?: number;
}

export interface AuthService {
  /**
   * Digest (RFC 7616, RFC 2617 compatible): sends without credentials and, on a 401 with a Digest challenge, answers
   * it once (once more if the server says the nonce was stale). Returns the last exchange and warnings to show
   * beside the exchange's own.
   */
  sendWithDigest(requestId: string, spec: HttpRequestSpec, options?: SendOptions): Promise<{ exchange: HttpExchange; warnings: string[] }>;
  /** cancels whichever send of a Digest exchange is in flight; false when requestId is not one */
  cancel(requestId: string): boolean;
  /** a usable token: the stored one, renewed first when it expires within 60 s and autoRefresh is on */
  accessToken(auth: OAuth2Auth, settings: RequestSettings): Promise<{ accessToken: string; tokenType: string; info: OAuth2TokenInfo; warnings: string[] }>;
  status(auth: OAuth2Auth): OAuth2TokenInfo | null;
  /** client credentials grant */
  fetchToken(auth: OAuth2Auth, settings: RequestSettings): Promise<OAuth2TokenInfo>;
  /** authorization code + PKCE: starts the loopback listener, opens the browser when it can */
  begin(auth: OAuth2Auth, settings: RequestSettings): Promise<{ flowId: string; authorizationUrl: string; redirectUri: string; openedExternally: boolean }>;
  complete(flowId: string): Promise<OAuth2TokenInfo>;
  cancelFlow(flowId: string): boolean;
  refresh(auth: OAuth2Auth, settings: RequestSettings): Promise<OAuth2TokenInfo>;
  clear(auth: OAuth2Auth): boolean;
  /** closes listeners, rejects pending sign-ins, cancels token requests and Digest exchanges in flight */
  close(): Promise<void>;
}

const FLOW_TIMEOUT_MS = 5 * 60_000;

export function createAuthService(deps: AuthServiceDeps): AuthService {
  const digest = createDigestSender({ send: deps.send, cancel: deps.cancel, releaseBody: deps.releaseBody });
  const oauth2 = createOAuth2({
    send: deps.send,
    cancel: deps.cancel,
    readBody: deps.readBody,
    releaseBody: deps.releaseBody,
    secrets: deps.secrets,
    openExternal: deps.openExternal,
    now: deps.now ?? Date.now,
    onTokensChanged: deps.onTokensChanged,
    flowTimeoutMs: deps.flowTimeoutMs ?? FLOW_TIMEOUT_MS,
  });
  return {
    sendWithDigest: digest.sendWithDigest,
    cancel: digest.cancel,
    accessToken: oauth2.accessToken,
    status: oauth2.status,
    fetchToken: oauth2.fetchToken,
    begin: oauth2.begin,
    complete: oauth2.complete,
    cancelFlow: oauth2.cancelFlow,
    refresh: oauth2.refresh,
    clear: oauth2.clear,
    async close() {
      digest.cancelAll();
      await oauth2.close();
    },
  };
}
