import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSettingsStore, type SettingsStore } from '../settings-store';
import { createVault, DEFAULT_SCRYPT, type VaultOptions } from './index';
import { countingStore, expectCode, expectNotInFile, fakeOs, FAST_SCRYPT } from './test-support/fakes';

let dir: string;
const PASS = 'correct horse battery staple';
const TOKEN = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc';

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'courier-vault-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const openStore = (): SettingsStore => openSettingsStore({ dir });
const make = (options: Partial<VaultOptions> = {}) => createVault({ store: openStore(), scrypt: FAST_SCRYPT, ...options });
const fileBytes = (): Promise<Buffer> => readFile(path.join(dir, 'settings.json'));

type StoredVault = { secrets: Record<string, unknown>; kdf: { salt: string; N: number } };
const storedVault = (store: SettingsStore) => store.get('vault') as StoredVault;

describe('passphrase vault', () => {
  it('starts uninitialized, and the first unlock sets the passphrase', async () => {
    const changes: number[] = [];
    const vault = make({ onChange: () => changes.push(1) });
    expect(vault.status()).toEqual({
      backend: 'passphrase',
      osBackend: null,
      state: 'uninitialized',
      warning: null,
      kdf: { name: 'scrypt', ...FAST_SCRYPT },
      secretCount: 0,
      unreadableCount: 0,
    });
    await expectCode(() => vault.putSecret('a', 'x'), 'VAULT_LOCKED');
    const status = await vault.unlock(PASS);
    expect(status.state).toBe('unlocked');
    expect(changes.length).toBe(1);
    const stored = openStore().get('vault') as Record<string, unknown> & StoredVault;
    expect(stored).toMatchObject({ version: 1, backend: 'passphrase', kdf: { name: 'scrypt', ...FAST_SCRYPT }, secrets: {} });
    expect(Buffer.from(stored.kdf.salt, 'base64').length).toBeGreaterThanOrEqual(16);
    expect(String(stored.verifier)).toMatch(/^v1:/);
  });

  it('stores only ciphertext, and reads it back after reopening with the same passphrase', async () => {
    const vault = make();
    await vault.unlock(PASS);
    vault.putSecret('var:global:1', TOKEN);
    vault.putSecret('var:global:2', 'second value for the test');
    expect(vault.getSecret('var:global:1')).toBe(TOKEN);
    expect(vault.secretState('var:global:1')).toBe('set');
    expect(vault.listSecretIds().sort()).toEqual(['var:global:1', 'var:global:2']);
    await expectNotInFile(path.join(dir, 'settings.json'), TOKEN);
    await expectNotInFile(path.join(dir, 'settings.json'), 'second value for the test');
    expect(String(storedVault(openStore()).secrets['var:global:1'])).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);

    const again = make();
    expect(again.status()).toMatchObject({ state: 'locked', secretCount: 2 });
    expect(again.secretState('var:global:1')).toBe('locked');
    await expectCode(() => again.getSecret('var:global:1'), 'VAULT_LOCKED');
    await expectCode(() => again.putSecret('var:global:3', 'x'), 'VAULT_LOCKED');
    expect(again.getSecret('no-such-id')).toBeNull();
    expect(again.secretState('no-such-id')).toBe('missing');
    await again.unlock(PASS);
    expect(again.getSecret('var:global:1')).toBe(TOKEN);
    expect(again.getSecret('var:global:2')).toBe('second value for the test');
  });

  it('gives each encryption a fresh IV', async () => {
    const vault = make();
    await vault.unlock(PASS);
    vault.putSecret('a', 'same');
    const first = storedVault(openStore()).secrets.a;
    vault.putSecret('a', 'same');
    expect(storedVault(openStore()).secrets.a).not.toBe(first);
  });

  it('refuses a wrong passphrase with a clear error and writes nothing', async () => {
    const vault = make();
    await vault.unlock(PASS);
    vault.putSecret('a', TOKEN);
    const before = await fileBytes();
    const again = make();
    const error = await again.unlock('wrong passphrase').catch((e: unknown) => e as { code: string; message: string });
    expect(error).toMatchObject({ code: 'WRONG_PASSPHRASE' });
    expect((error as { message: string }).message).toMatch(/passphrase/i);
    expect(again.status().state).toBe('locked');
    expect(Buffer.compare(await fileBytes(), before)).toBe(0);
  });

  it('rejects an empty passphrase', async () => {
    await expectCode(make().unlock(''), 'INVALID_INPUT');
  });

  it('flags only the tampered ciphertext, loads the rest and leaves the file alone', async () => {
    const vault = make();
    await vault.unlock(PASS);
    vault.putSecret('good', 'good value');
    vault.putSecret('bad', 'bad value');
    vault.putSecret('junk', 'junk value');
    const store = openStore();
    const record = storedVault(store);
    const [v, iv, tag, body] = String(record.secrets.bad).split(':');
    const flipped = Buffer.from(body!, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    store.set('vault', { ...record, secrets: { ...record.secrets, bad: [v, iv, tag, flipped.toString('base64')].join(':'), junk: 42 } });
    const before = await fileBytes();

    const again = make();
    const status = await again.unlock(PASS);
    expect(status).toMatchObject({ state: 'unlocked', secretCount: 3, unreadableCount: 2 });
    expect(again.secretState('good')).toBe('set');
    expect(again.secretState('bad')).toBe('unreadable');
    expect(again.secretState('junk')).toBe('unreadable');
    expect(again.getSecret('good')).toBe('good value');
    const error = (() => {
      try {
        again.getSecret('bad');
      } catch (e) {
        return e as { code: string; message: string; detail?: string };
      }
    })();
    expect(error?.code).toBe('SECRET_UNREADABLE');
    expect(`${error?.message} ${error?.detail ?? ''}`).not.toMatch(/bad value|v1:/);
    expect(Buffer.compare(await fileBytes(), before)).toBe(0);

    // Saving a new value heals that one entry.
    again.putSecret('bad', 'fixed');
    expect(again.secretState('bad')).toBe('set');
    expect(again.status().unreadableCount).toBe(1);
  });

  it('does not decrypt a ciphertext moved to another id', async () => {
    const vault = make();
    await vault.unlock(PASS);
    vault.putSecret('one', 'first');
    vault.putSecret('two', 'second');
    const store = openStore();
    const record = storedVault(store);
    store.set('vault', { ...record, secrets: { one: record.secrets.two, two: record.secrets.one } });
    const again = make();
    expect((await again.unlock(PASS)).unreadableCount).toBe(2);
  });

  it('forgets the key on lock', async () => {
    const vault = make();
    await vault.unlock(PASS);
    vault.putSecret('a', 'x');
    expect(vault.lock().state).toBe('locked');
    expect(vault.isUnlocked()).toBe(false);
    await expectCode(() => vault.getSecret('a'), 'VAULT_LOCKED');
    // Deleting needs no key.
    expect(vault.deleteSecret('a')).toBe(true);
    expect(vault.deleteSecret('a')).toBe(false);
  });

  it('changes the passphrase: everything re-encrypted in one write, unreadable values carried over', async () => {
    const vault = make();
    await vault.unlock(PASS);
    vault.putSecret('a', 'alpha value');
    vault.putSecret('b', 'beta value');
    vault.putSecret('broken', 'x');
    const raw = openStore();
    const record = storedVault(raw);
    raw.set('vault', { ...record, secrets: { ...record.secrets, broken: 'v1:garbage' } });

    const store = countingStore(openStore());
    const again = createVault({ store, scrypt: FAST_SCRYPT });
    await again.unlock(PASS);
    const before = await fileBytes();
    await expectCode(again.changePassphrase('not it', 'new passphrase!'), 'WRONG_PASSPHRASE');
    expect(Buffer.compare(await fileBytes(), before)).toBe(0);

    const writes = store.writes;
    const status = await again.changePassphrase(PASS, 'new passphrase!');
    expect(store.writes - writes).toBe(1);
    expect(status).toMatchObject({ state: 'unlocked', secretCount: 3, unreadableCount: 1 });
    const after = storedVault(openStore());
    expect(after.secrets.broken).toBe('v1:garbage');
    expect(after.kdf.salt).not.toBe(record.kdf.salt);
    expect(again.getSecret('a')).toBe('alpha value');

    const reopened = make();
    await expectCode(reopened.unlock(PASS), 'WRONG_PASSPHRASE');
    expect((await reopened.unlock('new passphrase!')).unreadableCount).toBe(1);
    expect(reopened.getSecret('b')).toBe('beta value');
    await expectNotInFile(path.join(dir, 'settings.json'), 'alpha value');
  });

  it('treats the same passphrase in NFC and NFD as one', async () => {
    await make().unlock('caf\u00e9 au lait');
    expect((await make().unlock('cafe\u0301 au lait')).state).toBe('unlocked');
  });

  it('lets only one of two simultaneous first unlocks choose the salt', async () => {
    const vault = make();
    const [a, b] = await Promise.allSettled([vault.unlock(PASS), vault.unlock('other')]);
    expect(a.status).toBe('fulfilled');
    expect(b).toMatchObject({ status: 'rejected', reason: { code: 'WRONG_PASSPHRASE' } });
    expect((await make().unlock(PASS)).state).toBe('unlocked');
  });

  it('uses N=2^17, r=8, p=1 (OWASP minimum) by default and keeps the parameters a vault was made with', async () => {
    const vault = createVault({ store: openStore() });
    expect(vault.status().kdf).toEqual({ name: 'scrypt', N: 2 ** 17, r: 8, p: 1 });
    expect(DEFAULT_SCRYPT).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    await vault.unlock(PASS);
    // Opened later with other (weaker) defaults, it still derives with what is stored and is not downgraded.
    const again = make();
    expect(again.status().kdf).toEqual({ name: 'scrypt', N: 2 ** 17, r: 8, p: 1 });
    expect((await again.unlock(PASS)).state).toBe('unlocked');
    expect(again.status().kdf).toEqual({ name: 'scrypt', N: 2 ** 17, r: 8, p: 1 });
  });

  it('keeps a damaged vault record aside, says so and starts empty', async () => {
    const store = openStore();
    store.set('vault', { version: 1, backend: 'passphrase', kdf: 'nope', secrets: { a: 'v1:x' } });
    const vault = make();
    expect(vault.status()).toMatchObject({ state: 'uninitialized', secretCount: 0 });
    expect(vault.status().warning).toMatch(/damaged/);
    const raw = JSON.parse((await fileBytes()).toString('utf8')) as Record<string, unknown>;
    const asideKey = Object.keys(raw).find((k) => k.startsWith('vault.corrupt-'));
    expect(raw[asideKey!]).toEqual({ version: 1, backend: 'passphrase', kdf: 'nope', secrets: { a: 'v1:x' } });
    expect(raw.vault).toBeUndefined();
  });

  it('leaves a vault from a newer version alone', async () => {
    openStore().set('vault', { version: 2, backend: 'passphrase', future: true });
    const before = await fileBytes();
    const vault = make();
    expect(vault.status()).toMatchObject({ state: 'locked' });
    expect(vault.status().warning).toMatch(/newer version/);
    await expectCode(vault.unlock(PASS), 'VAULT_LOCKED');
    await expectCode(() => vault.putSecret('x', 'y'), 'VAULT_LOCKED');
    expect(vault.deleteSecret('x')).toBe(false);
    expect(Buffer.compare(await fileBytes(), before)).toBe(0);
  });

  it('writes a batch once, and nothing when it throws', async () => {
    const store = countingStore(openStore());
    const changes: number[] = [];
    const vault = createVault({ store, scrypt: FAST_SCRYPT, onChange: () => changes.push(1) });
    await vault.unlock(PASS);
    vault.putSecret('keep', 'kept');
    const writes = store.writes;
    changes.length = 0;
    vault.batch(() => {
      for (let i = 0; i < 50; i += 1) vault.putSecret(`s${i}`, `value ${i}`);
      vault.deleteSecret('keep');
      expect(vault.getSecret('s3')).toBe('value 3');
    });
    expect(store.writes - writes).toBe(1);
    expect(changes).toHaveLength(1);
    expect(make().listSecretIds()).toHaveLength(50);

    const before = await fileBytes();
    expect(() =>
      vault.batch(() => {
        vault.putSecret('s0', 'changed');
        vault.deleteSecret('s1');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(Buffer.compare(await fileBytes(), before)).toBe(0);
    expect(vault.getSecret('s0')).toBe('value 0');
    expect(vault.getSecret('s1')).toBe('value 1');
  });
});

describe('OS vault', () => {
  it('round-trips through the OS encryption, always unlocked, without kdf', async () => {
    const osEnc = fakeOs('keychain');
    const vault = make({ os: osEnc });
    expect(vault.status()).toEqual({
      backend: 'os',
      osBackend: 'keychain',
      state: 'unlocked',
      warning: null,
      kdf: null,
      secretCount: 0,
      unreadableCount: 0,
    });
    expect(openStore().get('vault')).toBeUndefined();
    vault.putSecret('token', TOKEN);
    expect(vault.getSecret('token')).toBe(TOKEN);
    expect((await vault.unlock('ignored')).state).toBe('unlocked');
    expect(vault.lock().state).toBe('unlocked');
    await expectCode(vault.changePassphrase('a', 'b'), 'INVALID_INPUT');
    const stored = openStore().get('vault') as Record<string, unknown> & StoredVault;
    expect(stored).toMatchObject({ version: 1, backend: 'os', osBackend: 'keychain' });
    expect(String(stored.secrets.token)).toMatch(/^os1:[A-Za-z0-9+/=]+$/);
    await expectNotInFile(path.join(dir, 'settings.json'), TOKEN);

    const again = make({ os: osEnc });
    expect(again.getSecret('token')).toBe(TOKEN);
    expect(again.status()).toMatchObject({ secretCount: 1, unreadableCount: 0 });
  });

  it('marks values from another keychain unreadable, one by one, without writing', async () => {
    const mine = fakeOs('dpapi');
    const vault = make({ os: mine });
    vault.putSecret('a', 'from this machine');
    const store = openStore();
    const record = storedVault(store);
    const foreign = make({ os: fakeOs('dpapi') });
    foreign.putSecret('b', 'from another machine');
    store.set('vault', { ...record, secrets: { ...record.secrets, b: storedVault(openStore()).secrets.b } });
    const before = await fileBytes();
    const again = make({ os: mine });
    expect(again.status()).toMatchObject({ secretCount: 2, unreadableCount: 1 });
    expect(again.getSecret('a')).toBe('from this machine');
    expect(again.secretState('b')).toBe('unreadable');
    await expectCode(() => again.getSecret('b'), 'SECRET_UNREADABLE');
    expect(Buffer.compare(await fileBytes(), before)).toBe(0);
  });

  it('falls back to a passphrase, with a warning, when Electron only has basic_text', async () => {
    const osEnc = fakeOs('basic_text');
    const vault = make({ os: osEnc });
    const status = vault.status();
    expect(status).toMatchObject({ backend: 'passphrase', osBackend: 'basic_text', state: 'uninitialized' });
    expect(status.warning).toMatch(/no system keyring/);
    expect(status.warning).toMatch(/basic_text/);
    expect(status.warning).toMatch(/passphrase/);
    await vault.unlock(PASS);
    vault.putSecret('a', TOKEN);
    expect(osEnc.calls).toBe(0);
    expect(String(storedVault(openStore()).secrets.a)).toMatch(/^v1:/);
  });

  it('falls back to a passphrase when the keychain is unavailable and none was used yet', () => {
    const status = make({ os: fakeOs('gnome_libsecret', { available: false }) }).status();
    expect(status).toMatchObject({ backend: 'passphrase', state: 'uninitialized' });
    expect(status.warning).toMatch(/keychain is not available/);
  });

  it('keeps a passphrase vault a passphrase vault once the keychain appears', async () => {
    await make().unlock(PASS);
    const status = make({ os: fakeOs('keychain') }).status();
    expect(status).toMatchObject({ backend: 'passphrase', state: 'locked' });
  });

  it('locks an OS vault whose keychain is gone, says why and changes nothing', async () => {
    const vault = make({ os: fakeOs('gnome_libsecret') });
    vault.putSecret('a', TOKEN);
    const before = await fileBytes();
    for (const osEnc of [fakeOs('basic_text'), fakeOs('gnome_libsecret', { available: false }), undefined]) {
      const again = make({ os: osEnc });
      const status = again.status();
      expect(status).toMatchObject({ backend: 'os', state: 'locked', secretCount: 1 });
      expect(status.warning).toMatch(/system keychain \(gnome_libsecret\), which cannot be used now/);
      expect(again.secretState('a')).toBe('locked');
      await expectCode(() => again.getSecret('a'), 'VAULT_LOCKED');
      await expectCode(() => again.putSecret('b', 'x'), 'VAULT_LOCKED');
      await expectCode(again.unlock(PASS), 'VAULT_LOCKED');
    }
    expect(Buffer.compare(await fileBytes(), before)).toBe(0);
  });
});
