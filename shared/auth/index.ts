export { applySimpleAuth, withAuthHeader } from './apply-simple-auth';
export { redactStoredAuth, redactStoredCredentials } from './redact-stored-credentials';
export { credentialTexts } from './credential-texts';
export {
  credentialField,
  credentialFieldLabel,
  credentialOf,
  credentialRef,
  credentialVaultId,
  isMaskedCredential,
  parseCredentialRef,
  withCredential,
} from './credential-refs';
export { isTypedCredential, needsVaultToSave } from './typed-credential';
