import type { RequestAuth } from '../../../shared/contract';

type Editable = Extract<RequestAuth, { kind: 'none' | 'basic' | 'bearer' | 'apikey' }>;
const KINDS: { kind: Editable['kind']; label: string }[] = [
  { kind: 'none', label: 'None (requests use their own)' },
  { kind: 'bearer', label: 'Bearer token' },
  { kind: 'basic', label: 'Basic' },
  { kind: 'apikey', label: 'API key' },
];

function blank(kind: Editable['kind']): Editable {
  switch (kind) {
    case 'none':
      return { kind: 'none' };
    case 'bearer':
      return { kind: 'bearer', token: '', prefix: 'Bearer' };
    case 'basic':
      return { kind: 'basic', username: '', password: '' };
    case 'apikey':
      return { kind: 'apikey', name: '', value: '', in: 'header' };
  }
}

/**
 * Auth a collection or folder gives requests whose own auth is "No auth". The common schemes only: a container
 * file is shared, so its credentials must be {{references}} to secret variables, which these fields say.
 */
export function ContainerAuthFields({ auth, onChange }: { auth: RequestAuth; onChange: (auth: RequestAuth) => void }) {
  const editable = KINDS.some((k) => k.kind === auth.kind);
  const field = (label: string, value: string, patch: (value: string) => RequestAuth, secret = false) => (
    <label className="ws-field">
      <span>{label}</span>
      <input value={value} onChange={(event) => onChange(patch(event.target.value))} spellCheck={false} placeholder={secret ? '{{secret_variable}}' : undefined} />
    </label>
  );
  return (
    <fieldset className="ws-fieldset">
      <legend>Auth for requests inside</legend>
      {editable ? (
        <label className="ws-field">
          <span>Type</span>
          <select value={auth.kind} onChange={(event) => onChange(blank(event.target.value as Editable['kind']))}>
            {KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <p className="ws-dialog__message">This file uses {auth.kind} auth; edit it in the file.</p>
      )}
      {auth.kind === 'bearer' ? field('Token', auth.token, (token) => ({ ...auth, token }), true) : null}
      {auth.kind === 'basic' ? (
        <>
          {field('Username', auth.username, (username) => ({ ...auth, username }))}
          {field('Password', auth.password, (password) => ({ ...auth, password }), true)}
        </>
      ) : null}
      {auth.kind === 'apikey' ? (
        <>
          {field('Header name', auth.name, (name) => ({ ...auth, name }))}
          {field('Value', auth.value, (value) => ({ ...auth, value }), true)}
        </>
      ) : null}
      {auth.kind !== 'none' ? (
        <p className="ws-hint">Only {'{{references}}'} are written to the file; a typed secret is replaced by a placeholder.</p>
      ) : null}
    </fieldset>
  );
}
