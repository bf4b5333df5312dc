export { createCredentialStore, type CredentialStore, type CredentialStoreOptions } from './credential-store';
