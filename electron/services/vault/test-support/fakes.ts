import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect } from 'vitest';
import type { SettingsStore } from '../../settings-store';
import type { OsEncryption } from '../index';

/** Low scrypt cost so tests stay quick; one test checks the real defaults. */
export const FAST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };

/**
 * Stands in for safeStorage: real encryption under a key of its own, so another fake (another machine's keychain)
 * cannot read what this one wrote.
 */
export function fakeOs(backend = 'gnome_libsecret', options: { available?: boolean; key?: Buffer } = {}): OsEncryption & { calls: number } {
  const key = options.key ?? randomBytes(32);
  const fake = {
    backend,
    calls: 0,
    isAvailable: () => options.available ?? true,
    encrypt(plain: string): Buffer {
      fake.calls += 1;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(data: Buffer): string {
      fake.calls += 1;
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
  return fake;
}

/** Counts writes, to prove "one store.set" and "nothing written". */
export function countingStore(store: SettingsStore): SettingsStore & { writes: number } {
  const counted = {
    get path() {
      return store.path;
    },
    get notices() {
      return store.notices;
    },
    writes: 0,
    get: (key: string) => store.get(key),
    set(key: string, value: unknown) {
      counted.writes += 1;
      store.set(key, value);
    },
    delete(key: string) {
      counted.writes += 1;
      store.delete(key);
    },
  };
  return counted;
}

/** The plain value must not be in the file in any form a careless encoder would leave it. */
export async function expectNotInFile(file: string, plain: string): Promise<void> {
  const bytes = await readFile(file);
  const text = bytes.toString('utf8');
  for (const form of [
    plain,
    Buffer.from(plain).toString('base64'),
    Buffer.from(plain).toString('base64url'),
    encodeURIComponent(plain),
    JSON.stringify(plain).slice(1, -1),
    Buffer.from(plain).toString('hex'),
  ]) {
    expect(text.includes(form), `file contains ${JSON.stringify(form)}`).toBe(false);
  }
}

export async function expectCode(promise: Promise<unknown> | (() => unknown), code: string): Promise<void> {
  try {
    if (typeof promise === 'function') promise();
    else await promise;
  } catch (error) {
    expect((error as { code?: string }).code).toBe(code);
    return;
  }
  throw new Error(`expected ${code}, nothing was thrown`);
}
