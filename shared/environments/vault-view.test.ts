import { describe, expect, it } from 'vitest';
import type { VaultStatus } from '../contract';
import { describeKdf, newPassphraseProblems, secretCountLine, vaultDialogMode, vaultIndicator } from './vault-view';

const base: VaultStatus = {
  backend: 'passphrase',
  osBackend: null,
  state: 'locked',
  warning: null,
  kdf: { name: 'scrypt', N: 131072, r: 8, p: 1 },
  secretCount: 2,
  unreadableCount: 0,
};

describe('vault view', () => {
  it('names the indicator after the state, with the visible text inside the name', () => {
    const cases: [Partial<VaultStatus>, string, string][] = [
      [{ state: 'uninitialized' }, 'Set a vault passphrase', 'set'],
      [{ state: 'locked' }, 'Vault locked — unlock', 'unlock'],
      [{ state: 'unlocked' }, 'Vault unlocked', 'manage'],
      [{ state: 'unlocked', backend: 'os', osBackend: 'gnome_libsecret', kdf: null }, 'Secrets protected by the OS keychain (gnome_libsecret)', 'os'],
      [{ state: 'locked', backend: 'os', osBackend: 'kwallet5', kdf: null, warning: 'gone' }, 'Secrets locked — the OS keychain is unavailable', 'os'],
    ];
    for (const [patch, name, mode] of cases) {
      const status = { ...base, ...patch };
      const view = vaultIndicator(status);
      expect(view.name).toBe(name);
      expect(view.name).toContain(view.text);
      expect(vaultDialogMode(status)).toBe(mode);
    }
  });

  it('offers a passphrase on Linux without a keyring (the passphrase backend, with a warning)', () => {
    const status: VaultStatus = { ...base, state: 'uninitialized', osBackend: 'basic_text', warning: 'No keyring' };
    expect(vaultDialogMode(status)).toBe('set');
    expect(vaultIndicator(status)).toMatchObject({ name: 'Set a vault passphrase', tone: 'warning' });
  });

  it('turns the indicator into a warning when the main process has one', () => {
    expect(vaultIndicator({ ...base, backend: 'os', osBackend: 'basic_text', state: 'unlocked', warning: 'No keyring' }).tone).toBe('warning');
  });

  it('checks a new passphrase', () => {
    expect(newPassphraseProblems('short', 'short')).toEqual({ next: 'Use at least 8 characters.' });
    expect(newPassphraseProblems('long enough', 'long enougH')).toEqual({ confirm: 'The two passphrases do not match.' });
    expect(newPassphraseProblems('long enough', 'long enough')).toEqual({});
  });

  it('describes the KDF and the secrets', () => {
    expect(describeKdf(base.kdf)).toBe('scrypt (N = 131072, r = 8, p = 1)');
    expect(describeKdf(null)).toBeNull();
    expect(secretCountLine(base)).toBe('2 secrets');
    expect(secretCountLine({ ...base, secretCount: 1, unreadableCount: 1 })).toBe('1 secret, 1 can’t be decrypted');
  });
});
