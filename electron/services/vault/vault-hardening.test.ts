import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSettingsStore, type SettingsStore } from '../settings-store';
import { createVault, DEFAULT_SCRYPT, type VaultOptions } from './index';
import { expectCode, expectNotInFile, FAST_SCRYPT } from './test-support/fakes';

let dir: string;
const PASS = 'correct horse battery staple';

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'courier-vault-hard-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const openStore = (): SettingsStore => openSettingsStore({ dir });
const make = (options: Partial<VaultOptions> = {}) => createVault({ store: openStore(), scrypt: FAST_SCRYPT, ...options });
type Stored = { kdf: { salt: string; N: number; r: number; p: number }; verifier: string; secrets: Record<string, string> };
const stored = (): Stored => openStore().get('vault') as Stored;

describe('vault under attack', () => {
  it('refuses scrypt parameters a tampered file sets too high, without deriving (no gigabytes, no seconds)', async () => {
    const first = make();
    await first.unlock(PASS);
    first.putSecret('a', 'value');
    const honest = stored();
    for (const kdf of [
      { N: 2 ** 22, r: 8, p: 1 }, // 4 GiB
      { N: 2 ** 20, r: 16, p: 1 }, // 2 GiB
      { N: 2 ** 20, r: 2, p: 16 }, // 256 MiB but 32× the default's work
      { N: 2 ** 30, r: 1, p: 1 },
    ]) {
      openStore().set('vault', { version: 1, backend: 'passphrase', ...honest, kdf: { ...honest.kdf, ...kdf } });
      const started = Date.now();
      const vault = make();
      expect(vault.status().warning, JSON.stringify(kdf)).toMatch(/damaged/);
      expect(vault.status().state).toBe('uninitialized');
      expect(Date.now() - started).toBeLessThan(1000);
    }
  });

  it('holds the minimum passphrase length in the service: the first unlock (which sets it) and a change', async () => {
    const vault = make();
    await expectCode(vault.unlock('a'), 'INVALID_INPUT');
    await expectCode(vault.unlock('seven77'), 'INVALID_INPUT');
    expect(vault.status().state).toBe('uninitialized');
    expect(openStore().get('vault')).toBeUndefined();
    await vault.unlock('eight888');
    await expectCode(vault.changePassphrase('eight888', 'short'), 'INVALID_INPUT');
    // Unlocking an existing vault with a short (wrong) guess is just a wrong passphrase.
    const again = make();
    await expectCode(again.unlock('abc'), 'WRONG_PASSPHRASE');
  });

  it('throttles wrong guesses after five: exponential wait, reported as VAULT_THROTTLED with the wait', async () => {
    let clock = 1_000_000;
    await make().unlock(PASS);
    const vault = make({ now: () => clock });
    for (let i = 0; i < 5; i++) await expectCode(vault.unlock(`wrong guess ${i}`), 'WRONG_PASSPHRASE');
    // Even the right passphrase waits: the answer must not tell a guesser anything during the wait.
    await expect(vault.unlock(PASS)).rejects.toMatchObject({ code: 'VAULT_THROTTLED', detail: '1000', message: expect.stringContaining('Wait 1 second') });
    clock += 1000;
    await expectCode(vault.unlock('wrong guess 6'), 'WRONG_PASSPHRASE');
    await expect(vault.unlock('wrong guess 7')).rejects.toMatchObject({ code: 'VAULT_THROTTLED', detail: '2000' });
    await expect(vault.changePassphrase('wrong guess 8', 'a new passphrase')).rejects.toMatchObject({ code: 'VAULT_THROTTLED' });
    clock += 2000;
    await expectCode(vault.unlock('wrong guess 9'), 'WRONG_PASSPHRASE');
    await expect(vault.unlock(PASS)).rejects.toMatchObject({ code: 'VAULT_THROTTLED', detail: '4000' });
    clock += 4000;
    expect((await vault.unlock(PASS)).state).toBe('unlocked');
    // A success starts the count again.
    vault.lock();
    for (let i = 0; i < 5; i++) await expectCode(vault.unlock(`wrong again ${i}`), 'WRONG_PASSPHRASE');
    await expect(vault.unlock(PASS)).rejects.toMatchObject({ code: 'VAULT_THROTTLED', detail: '1000' });
  });

  it('upgrades a vault made with a weaker cost on the next successful unlock, re-encrypting atomically', async () => {
    const weak = make();
    await weak.unlock(PASS);
    weak.batch(() => {
      weak.putSecret('a', 'alpha-secret-value');
      weak.putSecret('b', 'beta-secret-value');
    });
    openStore().set('vault', { ...(openStore().get('vault') as object), secrets: { ...stored().secrets, broken: 'v1:AAAA:AAAA:AAAA' } });
    const before = stored();
    const STRONGER = { N: 2 ** 11, r: 8, p: 1 };
    // A wrong guess changes nothing.
    const vault = make({ scrypt: STRONGER });
    await expectCode(vault.unlock('not the passphrase'), 'WRONG_PASSPHRASE');
    expect(stored()).toEqual(before);
    const status = await vault.unlock(PASS);
    expect(status.kdf).toEqual({ name: 'scrypt', ...STRONGER });
    expect(status.unreadableCount).toBe(1);
    const after = stored();
    expect(after.kdf).toMatchObject(STRONGER);
    expect(after.kdf.salt).not.toBe(before.kdf.salt);
    expect(after.verifier).not.toBe(before.verifier);
    expect(after.secrets.a).not.toBe(before.secrets.a);
    expect(after.secrets.broken).toBe(before.secrets.broken);
    expect(vault.getSecret('a')).toBe('alpha-secret-value');
    // Re-encrypting went through plain text in memory only: the file holds no spelling of either value.
    for (const plain of ['alpha-secret-value', 'beta-secret-value']) await expectNotInFile(path.join(dir, 'settings.json'), plain);
    // Reopened with the old, weaker default it unlocks with the stored, stronger parameters.
    const reopened = make();
    await reopened.unlock(PASS);
    expect(reopened.getSecret('b')).toBe('beta-secret-value');
    expect(stored().kdf).toMatchObject(STRONGER);
  });

  it('upgrades a vault of the old default (N=2^15) to N=2^17 with the real defaults', async () => {
    const old = make({ scrypt: { N: 2 ** 15, r: 8, p: 1 } });
    await old.unlock(PASS);
    old.putSecret('token', 'sk_live_upgrade');
    const vault = createVault({ store: openStore() });
    expect((await vault.unlock(PASS)).kdf).toEqual({ name: 'scrypt', ...DEFAULT_SCRYPT });
    expect(stored().kdf).toMatchObject(DEFAULT_SCRYPT);
    expect(createVault({ store: openStore() }).status().kdf).toEqual({ name: 'scrypt', ...DEFAULT_SCRYPT });
    const again = createVault({ store: openStore() });
    await again.unlock(PASS);
    expect(again.getSecret('token')).toBe('sk_live_upgrade');
  });
});
