import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { BridgeError, HttpRequestSpec, OAuth2TokenInfo } from '../../../shared/contract';
import { bridge, BridgeCallError, call } from '../../lib/bridge';
import { useVariablesState } from '../environments';
import { useDebouncedValue } from './use-debounced-value';

const oauth2Keys = {
  all: ['auth', 'oauth2'] as const,
  status: (identity: string, variablesVersion: number) => ['auth', 'oauth2', 'status', identity, variablesVersion] as const,
};

/** The authorization code flow while the browser is away at the authorization server. */
export interface OAuth2BrowserFlow {
  flowId: string;
  authorizationUrl: string;
  redirectUri: string;
  openedExternally: boolean;
}

export type OAuth2Action = 'get' | 'refresh' | 'clear';

export interface OAuth2TokenState {
  token: OAuth2TokenInfo | null;
  /** asking the main process for the stored token (first time, or after the settings changed) */
  loading: boolean;
  /** why the stored token could not be looked up (e.g. the vault is locked) */
  statusError: BridgeError | null;
  /** the last action's error, as the server or the main process put it */
  error: BridgeError | null;
  busy: OAuth2Action | null;
  flow: OAuth2BrowserFlow | null;
  getToken: () => void;
  refresh: () => void;
  clear: () => void;
  cancelFlow: () => void;
}

function toError(error: unknown): BridgeError {
  if (error instanceof BridgeCallError) return error.error;
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

/**
 * The OAuth 2.0 token for a request's auth settings: what the vault holds (auth.oauth2.status) and the commands
 * that change it. Lives in the request builder rather than the Auth tab, so a browser sign-in in progress survives
 * switching tabs. `request` is null when the request does not use OAuth 2.0.
 */
export function useOAuth2Token(request: HttpRequestSpec | null): OAuth2TokenState {
  const client = useQueryClient();
  // the status is asked again as the user types in the settings; wait until they pause
  const settled = useDebouncedValue(request, 300);
  const identity = settled ? JSON.stringify(settled) : '';
  const variablesVersion = useVariablesState().dataUpdatedAt;
  const statusKey = oauth2Keys.status(identity, variablesVersion);

  const status = useQuery({
    queryKey: statusKey,
    queryFn: () => call('auth.oauth2.status', { request: settled as HttpRequestSpec }),
    enabled: settled !== null,
    placeholderData: (previous) => previous,
  });

  // a token fetched, refreshed (before a send) or cleared anywhere
  useEffect(
    () =>
      bridge.subscribe('variables.changed', (event) => {
        if (event.reason === 'tokens' || event.reason === 'vault') void client.invalidateQueries({ queryKey: oauth2Keys.all });
      }),
    [client],
  );

  const [busy, setBusy] = useState<OAuth2Action | null>(null);
  // with the settings it was about: once they change, the error no longer applies
  const [error, setError] = useState<{ error: BridgeError; for: string } | null>(null);
  const [flow, setFlow] = useState<OAuth2BrowserFlow | null>(null);
  const latest = useRef(request);
  useLayoutEffect(() => {
    latest.current = request;
  });
  const cancelled = useRef<string | null>(null);

  const run = useCallback(
    async (action: OAuth2Action, work: (request: HttpRequestSpec) => Promise<void>) => {
      const current = latest.current;
      if (!current) return;
      setBusy(action);
      setError(null);
      try {
        await work(current);
      } catch (caught) {
        setError({ error: toError(caught), for: JSON.stringify(current) });
      } finally {
        setBusy(null);
        void client.invalidateQueries({ queryKey: oauth2Keys.all });
      }
    },
    [client],
  );

  const store = useCallback(
    (request: HttpRequestSpec, token: OAuth2TokenInfo | null) => client.setQueryData(oauth2Keys.status(JSON.stringify(request), variablesVersion), { token }),
    [client, variablesVersion],
  );

  const getToken = useCallback(() => {
    void run('get', async (request) => {
      if (request.auth.kind !== 'oauth2') return;
      if (request.auth.grant === 'client_credentials') {
        store(request, (await call('auth.oauth2.fetchToken', { request })).token);
        return;
      }
      const started = await call('auth.oauth2.begin', { request });
      setFlow(started);
      // Web mode: the main process cannot open a browser, so this tab opens the authorization page in a new one.
      // With noopener, window.open gives no handle to tell whether a popup blocker stopped it: the link stays shown.
      if (!started.openedExternally) window.open(started.authorizationUrl, '_blank', 'noopener');
      try {
        store(request, (await call('auth.oauth2.complete', { flowId: started.flowId })).token);
      } catch (caught) {
        if (cancelled.current === started.flowId) return;
        throw caught;
      } finally {
        setFlow(null);
      }
    });
  }, [run, store]);

  const refresh = useCallback(() => {
    void run('refresh', async (request) => {
      store(request, (await call('auth.oauth2.refresh', { request })).token);
    });
  }, [run, store]);

  const clear = useCallback(() => {
    void run('clear', async (request) => {
      await call('auth.oauth2.clear', { request });
      store(request, null);
    });
  }, [run, store]);

  const cancelFlow = useCallback(() => {
    if (!flow) return;
    cancelled.current = flow.flowId;
    void call('auth.oauth2.cancel', { flowId: flow.flowId }).catch(() => undefined);
  }, [flow]);

  const shownError = error && error.for === JSON.stringify(request) ? error.error : null;
  const statusError = status.error && !status.isFetching ? toError(status.error) : null;

  return {
    token: status.data?.token ?? null,
    loading: status.isPending && settled !== null,
    statusError,
    error: shownError,
    busy,
    flow,
    getToken,
    refresh,
    clear,
    cancelFlow,
  };
}
