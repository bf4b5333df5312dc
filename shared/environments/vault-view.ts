import type { VaultStatus } from '../contract';

export const MIN_PASSPHRASE_LENGTH = 8;
const MAX_PASSPHRASE_LENGTH = 1024;

/** What the vault dialog offers for a status: choose a passphrase, unlock, manage (lock, change) or describe the OS store. */
type VaultDialogMode = 'set' | 'unlock' | 'manage' | 'os';

export function vaultDialogMode(status: VaultStatus): VaultDialogMode {
  // the OS store has no passphrase to ask for: when it is unusable, the warning says why and what to do
  if (status.backend === 'os') return 'os';
  if (status.state === 'uninitialized') return 'set';
  if (status.state === 'locked') return 'unlock';
  return status.backend === 'passphrase' ? 'manage' : 'os';
}

export function vaultDialogTitle(mode: VaultDialogMode): string {
  return mode === 'set' ? 'Set a vault passphrase' : mode === 'unlock' ? 'Unlock vault' : 'Vault';
}

interface VaultIndicatorView {
  /** the button's accessible name: the state, and what pressing it does */
  name: string;
  /** the short visible text; always contained in `name` */
  text: string;
  tone: 'ok' | 'locked' | 'setup' | 'warning';
}

export function osKeychainPhrase(osBackend: string | null): string {
  return osBackend ? `Secrets protected by the OS keychain (${osBackend})` : 'Secrets protected by the OS keychain';
}

export function vaultIndicator(status: VaultStatus): VaultIndicatorView {
  const warn = status.warning !== null;
  const mode = vaultDialogMode(status);
  if (mode === 'set') return { name: 'Set a vault passphrase', text: 'Set a vault passphrase', tone: warn ? 'warning' : 'setup' };
  if (mode === 'unlock') return { name: 'Vault locked — unlock', text: 'Vault locked', tone: warn ? 'warning' : 'locked' };
  if (mode === 'manage') return { name: 'Vault unlocked', text: 'Vault unlocked', tone: warn ? 'warning' : 'ok' };
  if (status.state !== 'unlocked') return { name: 'Secrets locked — the OS keychain is unavailable', text: 'Secrets locked', tone: 'warning' };
  return { name: osKeychainPhrase(status.osBackend), text: 'OS keychain', tone: warn ? 'warning' : 'ok' };
}

/** "scrypt (N = 131072, r = 8, p = 1)" */
export function describeKdf(kdf: VaultStatus['kdf']): string | null {
  if (!kdf) return null;
  return `${kdf.name} (N = ${kdf.N}, r = ${kdf.r}, p = ${kdf.p})`;
}

export interface NewPassphraseProblems {
  next?: string;
  confirm?: string;
}

/** Checks a new passphrase and its confirmation; an empty object means it can be submitted. */
export function newPassphraseProblems(next: string, confirm: string): NewPassphraseProblems {
  const problems: NewPassphraseProblems = {};
  if (next.length < MIN_PASSPHRASE_LENGTH) problems.next = `Use at least ${MIN_PASSPHRASE_LENGTH} characters.`;
  else if (next.length > MAX_PASSPHRASE_LENGTH) problems.next = `Use at most ${MAX_PASSPHRASE_LENGTH} characters.`;
  else if (confirm !== next) problems.confirm = 'The two passphrases do not match.';
  return problems;
}

/** "3 secrets, 1 can’t be decrypted" */
export function secretCountLine(status: VaultStatus): string {
  const secrets = `${status.secretCount} ${status.secretCount === 1 ? 'secret' : 'secrets'}`;
  return status.unreadableCount > 0 ? `${secrets}, ${status.unreadableCount} can’t be decrypted` : secrets;
}
