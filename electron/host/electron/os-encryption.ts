import type { SafeStorage } from 'electron';
import type { OsEncryption } from '../../services/vault';

/**
 * safeStorage as the vault sees it. Linux reports which backend it chose; "basic_text" means no keyring was found
 * and the "encryption" is a fixed key, which the vault refuses in favour of a passphrase.
 */
export function osEncryptionFrom(safeStorage: SafeStorage, platform: NodeJS.Platform = process.platform): OsEncryption {
  const backend =
    platform === 'linux' && typeof safeStorage.getSelectedStorageBackend === 'function'
      ? safeStorage.getSelectedStorageBackend()
      : platform === 'darwin'
        ? 'keychain'
        : platform === 'win32'
          ? 'dpapi'
          : 'unknown';
  return {
    backend,
    isAvailable: () => safeStorage.isEncryptionAvailable(),
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (cipher) => safeStorage.decryptString(cipher),
  };
}
