export { createVault } from './vault';
export type { Vault, VaultOptions } from './vault';
export { DEFAULT_SCRYPT, osKeychainUsable, type OsEncryption } from './ciphers';
