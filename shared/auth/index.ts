export { applySimpleAuth, withAuthHeader, type AppliedAuth } from './apply-simple-auth';
export { redactStoredCredentials } from './redact-stored-credentials';
export { credentialTexts } from './credential-texts';
