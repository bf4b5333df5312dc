import { parseCredentialRef } from '../../../shared/auth';
import { isReferenceOnly } from '../../../shared/request';
import type { RequestAuth, VaultStatus } from '../../../shared/contract';
import { Field } from '../../ui';
import styles from './dialogs.module.css';

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
/** where a typed secret goes, as the vault stands now: the step still needed, if any (null: the vault's state is not read yet) */
function vaultStep(vault: VaultStatus | null): string {
  if (vault === null || vault.state === 'unlocked') return '';
  return vault.state === 'uninitialized' ? ' (set a vault passphrase first)' : ' (unlock it first)';
}

export function ContainerAuthFields({ auth, onChange, vault }: { auth: RequestAuth; onChange: (auth: RequestAuth) => void; vault: VaultStatus | null }) {
  const editable = KINDS.some((k) => k.kind === auth.kind);
  // Field's label[for] rather than a wrapping label: a wrapping label's name would take in the select's option texts, and
  // "Type" was found by getByLabel("Token") (finding 17). Names match the request's Auth tab.
  // A token typed here earlier is in the vault and the file holds {{$credential.<id>}}: that reference means nothing
  // to a reader, so the field says where the value is (as the request's Auth tab does); typing replaces it.
  const field = (key: string, label: string, value: string, patch: (value: string) => RequestAuth, secret = false) => {
    const stored = secret && parseCredentialRef(value) !== null;
    return (
      <Field key={key} label={label} hint={stored ? `Stored in the vault. Type a new ${label.toLowerCase()} to replace it.` : undefined}>
        {(control) => (
          <input
            {...control}
            // a typed secret shows as dots (a shared screen, a pairing session); {{references}} hold nothing to hide
            type={secret && !stored && !isReferenceOnly(value) ? 'password' : 'text'}
            value={stored ? '' : value}
            onChange={(event) => onChange(patch(event.target.value))}
            spellCheck={false}
            autoComplete="off"
            placeholder={stored ? 'Stored in the vault' : secret ? '{{secret_variable}}' : undefined}
          />
        )}
      </Field>
    );
  };
  return (
    <fieldset className={styles.fieldset}>
      <legend>Auth for requests inside</legend>
      {editable ? (
        <Field label="Auth type">
          {(control) => (
            <select {...control} value={auth.kind} onChange={(event) => onChange(blank(event.target.value as Editable['kind']))}>
              {KINDS.map((k) => (
                <option key={k.kind} value={k.kind}>
                  {k.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <p className={styles.message}>This file uses {auth.kind} auth; edit it in the file.</p>
      )}
      {auth.kind === 'bearer' ? field('token', 'Token', auth.token, (token) => ({ ...auth, token }), true) : null}
      {auth.kind === 'basic' ? (
        <>
          {field('username', 'Username', auth.username, (username) => ({ ...auth, username }))}
          {field('password', 'Password', auth.password, (password) => ({ ...auth, password }), true)}
        </>
      ) : null}
      {auth.kind === 'apikey' ? (
        <>
          {field('key-name', 'Key name', auth.name, (name) => ({ ...auth, name }))}
          {field('key-value', 'Key value', auth.value, (value) => ({ ...auth, value }), true)}
        </>
      ) : null}
      {auth.kind !== 'none' ? (
        <p className={styles.hint}>
          Only {'{{references}}'} are written to the file; a typed secret is kept in the vault{vaultStep(vault)} and the file gets a placeholder.
        </p>
      ) : null}
    </fieldset>
  );
}
