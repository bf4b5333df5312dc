import type { RequestAuth } from '../contract/auth';
import { isOnlyReferences } from '../variables';
import { credentialOf, isMaskedCredential, parseCredentialRef } from './credential-refs';

// References joined by a separator ("{{user}}:{{pass}}") name values rather than spell them: they stay in the file.
const SEPARATORS_ONLY = /^[\s:]*$/;

/**
 * A typed credential: a value that must go to the vault before the request (or collection) may be written
 * anywhere. Empty fields, {{references}} and vault references are not: they can be saved while the vault is locked.
 */
export function isTypedCredential(text: string): boolean {
  if (text === '' || parseCredentialRef(text) !== null || isMaskedCredential(text)) return false;
  return !isOnlyReferences(text, SEPARATORS_ONLY);
}

/** True when saving this auth needs an unlocked vault (its credential field holds a typed value). */
export function needsVaultToSave(auth: RequestAuth): boolean {
  return isTypedCredential(credentialOf(auth));
}
