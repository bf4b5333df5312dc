export { createCredentialStore, type CredentialStore } from './credential-store';
