export { createVault } from './vault';
export type { SecretState, Vault, VaultOptions } from './vault';
export { DEFAULT_SCRYPT, type OsEncryption, type ScryptParams } from './ciphers';
