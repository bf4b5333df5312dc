import { useCallback, useRef } from 'react';
import type { AuthKind, HttpRequestSpec, RequestAuth } from '../../../shared/contract';
import { switchAuthKind, type RememberedAuth } from '../../../shared/request';
import { useOAuth2Token, type OAuth2TokenState } from './use-oauth2-token';

/** What the Auth tab keeps while other tabs are shown: the OAuth token (and a sign-in in progress), and each kind's settings. */
export interface AuthTabState {
  oauth: OAuth2TokenState;
  /** the settings after picking another kind, bringing back what that kind had before */
  switchKind: (current: RequestAuth, kind: AuthKind) => RequestAuth;
}

/**
 * Held by the request builder rather than the Auth tab, which unmounts when another tab is selected. `authRequest`
 * is the draft's spec for the OAuth methods, null when the request does not use OAuth 2.0.
 */
export function useAuthTab(authRequest: HttpRequestSpec | null): AuthTabState {
  const oauth = useOAuth2Token(authRequest);
  const remembered = useRef<RememberedAuth>({});
  const switchKind = useCallback((current: RequestAuth, kind: AuthKind) => {
    remembered.current[current.kind] = current;
    return switchAuthKind(current, kind, remembered.current);
  }, []);
  return { oauth, switchKind };
}
