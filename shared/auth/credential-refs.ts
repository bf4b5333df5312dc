import type { RequestAuth } from '../contract/auth';
import { CREDENTIAL_REF_PREFIX, SECRET_MASK } from '../variables';

/**
 * A credential typed into the Auth tab is kept in the vault, and the request (its file, history, the session)
 * holds a reference to it instead: `{{$credential.<id>}}`. The reference names no value, so files stay shareable,
 * and the main process swaps it for the vault's value only when the request is sent.
 */
const REF = /^\{\{\$credential\.([A-Za-z0-9_-]{1,64})\}\}$/;

/** The vault id under which a credential of this reference is stored. */
export const credentialVaultId = (id: string): string => `cred:${id}`;

export const credentialRef = (id: string): string => `{{${CREDENTIAL_REF_PREFIX}${id}}}`;

/** The id of a whole-field reference, or null. */
export function parseCredentialRef(text: string): string | null {
  return REF.exec(text)?.[1] ?? null;
}

type CredentialField = 'password' | 'token' | 'value' | 'clientSecret';

/** The Auth tab field that holds the credential of this kind, if it has one. */
export function credentialField(auth: RequestAuth): CredentialField | null {
  switch (auth.kind) {
    case 'basic':
    case 'digest':
      return 'password';
    case 'bearer':
      return 'token';
    case 'apikey':
      return 'value';
    case 'oauth2':
      return 'clientSecret';
    default:
      return null;
  }
}

/** How the field is named to the user, e.g. "Basic auth password". */
export function credentialFieldLabel(auth: RequestAuth): string {
  switch (auth.kind) {
    case 'basic':
      return 'Basic auth password';
    case 'digest':
      return 'Digest auth password';
    case 'bearer':
      return 'Bearer token';
    case 'apikey':
      return 'API key value';
    case 'oauth2':
      return 'OAuth 2.0 client secret';
    default:
      return 'Credential';
  }
}

export function credentialOf(auth: RequestAuth): string {
  const field = credentialField(auth);
  return field === null ? '' : ((auth as Record<string, unknown>)[field] as string);
}

export function withCredential(auth: RequestAuth, value: string): RequestAuth {
  const field = credentialField(auth);
  return field === null ? auth : ({ ...auth, [field]: value } as RequestAuth);
}

/**
 * The mask history and files used to write in place of a typed credential (before credentials went to the vault):
 * it stands for a value that is gone and must never be sent as if it were one.
 */
export const isMaskedCredential = (text: string): boolean => text.includes(SECRET_MASK);
