export { applySimpleAuth, withAuthHeader, type AppliedAuth } from './apply-simple-auth';
export { redactStoredAuth, redactStoredCredentials } from './redact-stored-credentials';
export { credentialTexts } from './credential-texts';
export {
  CREDENTIAL_REF_PREFIX,
  credentialField,
  credentialFieldLabel,
  credentialOf,
  credentialRef,
  credentialVaultId,
  isMaskedCredential,
  parseCredentialRef,
  withCredential,
  type CredentialField,
} from './credential-refs';
export { isTypedCredential, needsVaultToSave } from './typed-credential';
