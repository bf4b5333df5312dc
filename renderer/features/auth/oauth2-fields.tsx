import { useId } from 'react';
import type { OAuth2Auth } from '../../../shared/contract';
import { AuthTextField } from './auth-text-field';
import { RedirectPortField } from './redirect-port-field';
import { SecretField } from './secret-field';
import { formControls } from '../../ui';
import field from './auth-field.module.css';

interface OAuth2FieldsProps {
  auth: OAuth2Auth;
  onChange: (auth: OAuth2Auth) => void;
}

const GRANT_LABELS: Record<OAuth2Auth['grant'], string> = {
  client_credentials: 'Client credentials',
  authorization_code: 'Authorization code (PKCE)',
};

export function OAuth2Fields({ auth, onChange }: OAuth2FieldsProps) {
  const id = useId();
  const set = (patch: Partial<OAuth2Auth>) => onChange({ ...auth, ...patch });
  const codeGrant = auth.grant === 'authorization_code';
  return (
    <>
      <div className={field.field}>
        <label htmlFor={`${id}-grant`} className={field.label}>
          Grant type
        </label>
        <div className={field.body}>
          <select
            id={`${id}-grant`}
            className={`${formControls.select} ${field.select}`}
            value={auth.grant}
            onChange={(event) => set({ grant: event.target.value === 'authorization_code' ? 'authorization_code' : 'client_credentials' })}
          >
            {(Object.keys(GRANT_LABELS) as OAuth2Auth['grant'][]).map((grant) => (
              <option key={grant} value={grant}>
                {GRANT_LABELS[grant]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {codeGrant ? (
        <AuthTextField
          label="Authorization URL"
          value={auth.authorizationUrl}
          onChange={(value) => set({ authorizationUrl: value })}
          placeholder="https://auth.example.com/authorize"
        />
      ) : null}
      <AuthTextField
        label="Token URL"
        value={auth.tokenUrl}
        onChange={(value) => set({ tokenUrl: value })}
        placeholder="https://auth.example.com/oauth/token"
      />
      <AuthTextField label="Client ID" value={auth.clientId} onChange={(value) => set({ clientId: value })} />
      <SecretField
        label="Client secret"
        value={auth.clientSecret}
        onChange={(value) => set({ clientSecret: value })}
        placeholder="{{client_secret}}"
        hint={codeGrant ? 'Leave empty for a public client: PKCE protects the code instead.' : undefined}
      />
      <div className={field.field}>
        <label htmlFor={`${id}-client-auth`} className={field.label}>
          Client authentication
        </label>
        <div className={field.body}>
          <select
            id={`${id}-client-auth`}
            className={`${formControls.select} ${field.select}`}
            value={auth.clientAuth}
            onChange={(event) => set({ clientAuth: event.target.value === 'body' ? 'body' : 'basic' })}
          >
            <option value="basic">Basic header</option>
            <option value="body">In body</option>
          </select>
        </div>
      </div>
      <AuthTextField label="Scope" value={auth.scope} onChange={(value) => set({ scope: value })} placeholder="read write" />
      <AuthTextField
        label="Audience"
        value={auth.audience}
        onChange={(value) => set({ audience: value })}
        hint="Sent as audience= when set (Auth0 and some others want it)."
      />
      {codeGrant ? <RedirectPortField port={auth.redirectPort} onChange={(redirectPort) => set({ redirectPort })} /> : null}
      <AuthTextField
        label="Header prefix"
        value={auth.headerPrefix}
        onChange={(value) => set({ headerPrefix: value })}
        placeholder="Bearer"
        hint={
          <>
            Sent as <code>Authorization: {auth.headerPrefix.trim() === '' ? '' : `${auth.headerPrefix.trim()} `}&lt;token&gt;</code>
          </>
        }
      />
      <div className={field.field}>
        <span className={field.label} aria-hidden="true" />
        <div className={field.body}>
          <label className={formControls.check}>
            <input type="checkbox" checked={auth.autoRefresh} onChange={(event) => set({ autoRefresh: event.target.checked })} />
            Refresh automatically
          </label>
          <p className={field.hint}>{codeGrant ? 'Uses the refresh token' : 'Asks for a new token'} when the token expires within a minute of sending.</p>
        </div>
      </div>
    </>
  );
}
