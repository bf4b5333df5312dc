import type { AuthKind, RequestAuth } from '../../../shared/contract';
import { AUTH_KIND_LABELS } from '../../../shared/contract/values';
import { hasLiteralCredential } from '../../../shared/request';
import { InlineMessage, formControls } from '../../ui';
import { ApiKeyFields } from './api-key-fields';
import { AuthTypePicker } from './auth-type-picker';
import { BearerTokenFields } from './bearer-token-fields';
import { CredentialHint } from './credential-hint';
import { OAuth2Fields } from './oauth2-fields';
import { OAuth2TokenBox } from './oauth2-token-box';
import { UsernamePasswordFields } from './username-password-fields';
import type { AuthTabState } from './use-auth-tab';
import styles from './auth-panel.module.css';

interface AuthPanelProps {
  auth: RequestAuth;
  onChange: (auth: RequestAuth) => void;
  /** kept by the builder across tab switches (see useAuthTab) */
  state: AuthTabState;
  /** a send refused because a credential is not available, named by the main process */
  error?: string | null;
  /** for "Inherit from parent": where the auth comes from (absent: not known here, e.g. a WebSocket session) */
  inherited?: InheritedAuthInfo;
}

export interface InheritedAuthInfo {
  /** false for a request not saved in a collection */
  saved: boolean;
  /** the nearest folder or collection with auth, null when none has */
  source: string | null;
  kind: AuthKind | null;
}

/** Says what "Inherit from parent" will send, naming the folder or collection it comes from. */
function inheritNote(inherited: InheritedAuthInfo | undefined): string {
  if (!inherited) return 'Uses the auth of the folder or collection this request is saved in, if it has one.';
  if (!inherited.saved) return 'This request is not saved in a collection, so there is nothing to inherit: it is sent without authentication.';
  if (inherited.source === null || inherited.kind === null) {
    return 'No folder or collection above this request has auth, so it is sent without authentication.';
  }
  return `Uses the auth of “${inherited.source}” (${AUTH_KIND_LABELS[inherited.kind]}).`;
}

const NOTES: Partial<Record<AuthKind, string>> = {
  none: 'No auth: this request is sent without authentication, even when its folder or collection has auth (unless you add an Authorization header yourself).',
  digest: 'The first request is sent without credentials; Courier answers the server’s Digest challenge and sends it again.',
};

/** The Auth tab: the scheme and its settings. The main process resolves {{variables}} and applies it on send. */
export function AuthPanel({ auth, onChange, state, error = null, inherited }: AuthPanelProps) {
  const pick = (kind: AuthKind) => onChange(state.switchKind(auth, kind));
  const note = auth.kind === 'inherit' ? inheritNote(inherited) : NOTES[auth.kind];
  return (
    <div className={styles.panel}>
      <AuthTypePicker kind={auth.kind} onChange={pick} />
      {error ? <InlineMessage tone="error">{error}</InlineMessage> : null}
      {note ? (
        <p className={formControls.hint} role="note" aria-label="What is sent">
          {note}
        </p>
      ) : null}
      {auth.kind === 'basic' || auth.kind === 'digest' ? (
        <UsernamePasswordFields username={auth.username} password={auth.password} onChange={(patch) => onChange({ ...auth, ...patch })} />
      ) : null}
      {auth.kind === 'bearer' ? <BearerTokenFields token={auth.token} prefix={auth.prefix} onChange={(patch) => onChange({ ...auth, ...patch })} /> : null}
      {auth.kind === 'apikey' ? (
        <ApiKeyFields name={auth.name} value={auth.value} placement={auth.in} onChange={(patch) => onChange({ ...auth, ...patch })} />
      ) : null}
      {auth.kind === 'oauth2' ? <OAuth2Fields auth={auth} onChange={onChange} /> : null}
      {auth.kind !== 'none' && auth.kind !== 'inherit' ? <CredentialHint literal={hasLiteralCredential(auth)} /> : null}
      {auth.kind === 'oauth2' ? <OAuth2TokenBox auth={auth} oauth={state.oauth} /> : null}
    </div>
  );
}
