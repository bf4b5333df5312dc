export { createVault } from './vault';
export type { SecretState, Vault, VaultOptions } from './vault';
export { DEFAULT_SCRYPT, osKeychainUsable, type OsEncryption, type ScryptParams } from './ciphers';
