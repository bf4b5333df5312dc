import { randomUUID } from 'node:crypto';
import { CourierError, type HttpExchange, type HttpRequestSpec } from '../../../shared/contract';
import { createAuthorizationCodeFlows } from './oauth2-authorization-code';
import { createTokenLifecycle } from './oauth2-tokens';
import type { TokenEndpointIo } from './token-endpoint';
import type { SecretStore } from './token-store';

interface OAuth2Deps {
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

/**
 * OAuth 2.0 for the auth service: the token lifecycle (oauth2-tokens.ts) and the browser sign-in of the authorization
 * code grant (oauth2-authorization-code.ts), sharing one transport to the token endpoint whose requests close()
 * cancels, and one "shutting down" flag.
 */
export function createOAuth2(deps: OAuth2Deps) {
  const tokenRequests = new Set<string>();
  let closed = false;

  const assertOpen = (): void => {
    if (closed) throw new CourierError('INTERNAL', 'Courier is shutting down; the token was not requested.');
  };

  const io = (onStart?: (requestId: string) => void): TokenEndpointIo => ({
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

  const tokens = createTokenLifecycle({ secrets: deps.secrets, now: deps.now, onTokensChanged: deps.onTokensChanged, io, assertOpen });
  const { keep, ...lifecycle } = tokens;
  const flows = createAuthorizationCodeFlows({
    secrets: deps.secrets,
    openExternal: deps.openExternal,
    cancel: deps.cancel,
    now: deps.now,
    flowTimeoutMs: deps.flowTimeoutMs,
    io,
    assertOpen,
    keep,
  });

  return {
    ...lifecycle,
    begin: flows.begin,
    complete: flows.complete,
    cancelFlow: flows.cancelFlow,
    async close(): Promise<void> {
      closed = true;
      for (const requestId of tokenRequests) deps.cancel(requestId);
      await flows.close();
    },
  };
}
