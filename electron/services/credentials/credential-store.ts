import { randomUUID } from 'node:crypto';
import { CourierError, type HttpRequestSpec, type RequestAuth } from '../../../shared/contract';
import {
  credentialField,
  credentialFieldLabel,
  credentialOf,
  credentialRef,
  credentialVaultId,
  isMaskedCredential,
  isTypedCredential,
  parseCredentialRef,
  withCredential,
} from '../../../shared/auth';
import type { Vault } from '../vault';

const VAULT_ID_PREFIX = credentialVaultId('');

interface CredentialStoreOptions {
  vault: Pick<Vault, 'isUnlocked' | 'putSecret' | 'getSecret' | 'secretState' | 'listSecretIds' | 'status'>;
  newId?: () => string;
}

/** The error detail that places it on the Auth tab (see placeError): "auth.password". */
const detailOf = (auth: RequestAuth): string => `auth.${credentialField(auth) ?? 'credential'}`;

function lockedError(auth: RequestAuth, purpose: 'save' | 'send'): CourierError {
  const label = credentialFieldLabel(auth);
  const detail = detailOf(auth);
  return purpose === 'save'
    ? new CourierError(
        'VAULT_LOCKED',
        `The ${label} is kept in the vault, not in the file, and the vault is locked or not set up. Unlock the vault (or choose its passphrase) and save again.`,
        detail,
      )
    : new CourierError('VAULT_LOCKED', `${label} is not available: it is stored in the vault, which is locked. Unlock the vault to send.`, detail);
}

/**
 * Credentials typed into the Auth tab, kept in the vault under `cred:<id>` and referred to by `{{$credential.<id>}}`
 * wherever the request is stored. The same value gets the same id (a request saved, sent and saved again does not
 * grow the vault), and entries are never deleted: a history entry may still refer to one.
 */
export function createCredentialStore(options: CredentialStoreOptions) {
  const { vault } = options;
  const newId = options.newId ?? (() => randomUUID());
  // value → id, filled from the vault the first time it is needed after an unlock
  let known: Map<string, string> | null = null;

  const idFor = (value: string): string => {
    if (known === null) {
      known = new Map();
      for (const vaultId of vault.listSecretIds()) {
        if (!vaultId.startsWith(VAULT_ID_PREFIX)) continue;
        const plain = vault.getSecret(vaultId);
        if (plain !== null) known.set(plain, vaultId.slice(VAULT_ID_PREFIX.length));
      }
    }
    const existing = known.get(value);
    if (existing !== undefined && vault.secretState(credentialVaultId(existing)) === 'set') return existing;
    const id = newId();
    vault.putSecret(credentialVaultId(id), value);
    known.set(value, id);
    return id;
  };

  /** The auth with a typed credential moved to the vault; refuses (VAULT_LOCKED) rather than keep it in plain text. */
  const stash = (auth: RequestAuth): RequestAuth => {
    const value = credentialOf(auth);
    if (!isTypedCredential(value)) return auth;
    if (!vault.isUnlocked()) throw lockedError(auth, 'save');
    return withCredential(auth, credentialRef(idFor(value)));
  };

  /**
   * The credential to send: a reference swapped for the vault's value. A mask, a missing or unreadable entry and a
   * locked vault are refused before anything is sent, naming the field and what to do.
   */
  const resolve = (auth: RequestAuth): { auth: RequestAuth; secret: string | null } => {
    const value = credentialOf(auth);
    const label = credentialFieldLabel(auth);
    if (isMaskedCredential(value)) {
      throw new CourierError(
        'CREDENTIAL_UNAVAILABLE',
        `${label} is not available: only a placeholder was kept for it. Type it again in the Auth tab (or refer to a secret variable) and send.`,
        detailOf(auth),
      );
    }
    const id = parseCredentialRef(value);
    if (id === null) return { auth, secret: null };
    const state = vault.secretState(credentialVaultId(id));
    if (state === 'locked') throw lockedError(auth, 'send');
    const plain = state === 'set' ? vault.getSecret(credentialVaultId(id)) : null;
    if (plain === null) {
      const why = state === 'unreadable' ? 'the vault cannot decrypt it on this machine' : 'the vault no longer holds it';
      throw new CourierError('CREDENTIAL_UNAVAILABLE', `${label} is not available: ${why}. Type it again in the Auth tab and save.`, detailOf(auth));
    }
    return { auth: withCredential(auth, plain), secret: plain };
  };

  return {
    stash,
    stashSpec: (spec: HttpRequestSpec): HttpRequestSpec => {
      const auth = stash(spec.auth);
      return auth === spec.auth ? spec : { ...spec, auth };
    },
    /** For history and the session: stashed when the vault is open, otherwise masked as before (then refused on send). */
    canStash: (): boolean => vault.isUnlocked(),
    resolve,
    /** The value behind a reference, for "Reveal" in the Auth tab. */
    reveal: (reference: string): string => {
      if (parseCredentialRef(reference) === null) throw new CourierError('INVALID_INPUT', 'Not a credential kept in the vault.', reference);
      const { secret } = resolve({ kind: 'bearer', token: reference, prefix: 'Bearer' });
      return secret ?? '';
    },
    /** after lock/unlock: the value → id map is rebuilt from the vault on next use */
    forget: (): void => {
      known = null;
    },
  };
}

export type CredentialStore = ReturnType<typeof createCredentialStore>;
