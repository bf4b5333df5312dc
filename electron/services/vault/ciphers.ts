import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/**
 * N = 2^17, r = 8, p = 1: OWASP's minimum for scrypt (128 MiB, about 380 ms per derivation on an idle reference
 * two-core machine). The cheaper 2^15 used before was a quarter of that minimum. OWASP's other equal-cost settings
 * (N=2^16 p=2, N=2^15 p=3, …) cost the same time here, since Node runs the p lanes one after another.
 */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

/** Work of one derivation, in units of N·r·p; compared to tell a weaker stored vault from today's default. */
export const scryptCost = ({ N, r, p }: ScryptParams): number => N * r * p;

/** At most 256 MiB of memory (128·N·r) for one derivation… */
const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024;
/** …and at most 8× the default's work (a few seconds), whatever mix of N, r and p reaches it. */
const MAX_SCRYPT_COST = 8 * 2 ** 20;

/**
 * Bounds so a tampered settings file cannot make an unlock allocate gigabytes or run for minutes (N=2^22, r=8 took
 * 4.1 GiB and 15 s): a record outside them is treated as damaged and set aside, never derived. Clamping instead would
 * only derive a key that cannot open the vault. No floor beyond what scrypt needs: tests ask for tiny costs, and
 * weak parameters written into the file by hand only yield a key that fails the verifier.
 */
export function isSaneScrypt({ N, r, p }: ScryptParams): boolean {
  return (
    Number.isInteger(N) &&
    N >= 2 &&
    N <= 2 ** 20 &&
    (N & (N - 1)) === 0 &&
    Number.isInteger(r) &&
    r >= 1 &&
    r <= 32 &&
    Number.isInteger(p) &&
    p >= 1 &&
    p <= 16 &&
    128 * N * r <= MAX_SCRYPT_MEMORY &&
    N * r * p <= MAX_SCRYPT_COST
  );
}

const KEY_BYTES = 32;
export const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The async scrypt runs on libuv's pool, so the main process keeps answering while a key is derived. Node's default
 * maxmem (32 MiB) is far below what N = 2^17, r = 8 needs (128·N·r = 128 MiB plus a little), hence the explicit
 * limit, computed from the parameters (which isSaneScrypt has bounded).
 */
export function deriveKey(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const maxmem = 128 * params.r * (params.N + params.p + 2) + 1024 * 1024;
  // The same passphrase typed on macOS (NFD) and elsewhere (NFC) must give the same key.
  const secret = passphrase.normalize('NFC');
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, KEY_BYTES, { N: params.N, r: params.r, p: params.p, maxmem }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/** Distinct prefixes keep the verifier and every secret in separate AAD domains. */
const secretAad = (id: string): Buffer => Buffer.from(`courier-vault-secret:${id}`, 'utf8');
const VERIFIER_AAD = Buffer.from('courier-vault-verifier', 'utf8');
const VERIFIER_PLAIN = 'courier vault verifier v1';

function seal(key: Buffer, aad: Buffer, plain: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `v1:${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${body.toString('base64')}`;
}

/** Throws on anything but an intact v1 ciphertext made with this key for this AAD. */
function open(key: Buffer, aad: Buffer, sealed: unknown): string {
  if (typeof sealed !== 'string') throw new Error('not a ciphertext');
  const parts = sealed.split(':');
  if (parts.length !== 4 || parts[0] !== 'v1') throw new Error('unknown ciphertext format');
  const iv = Buffer.from(parts[1]!, 'base64');
  const tag = Buffer.from(parts[2]!, 'base64');
  const body = Buffer.from(parts[3]!, 'base64');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error('malformed ciphertext');
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}

/**
 * AES-256-GCM with a fresh 12-byte IV per value. The secret's id is authenticated data, so a ciphertext moved to
 * another id (by hand or by a bug) fails to decrypt instead of yielding the wrong secret.
 */
export const passphraseCipher = {
  seal: (key: Buffer, id: string, plain: string): string => seal(key, secretAad(id), plain),
  open: (key: Buffer, id: string, sealed: unknown): string => open(key, secretAad(id), sealed),
  makeVerifier: (key: Buffer): string => seal(key, VERIFIER_AAD, VERIFIER_PLAIN),
  checkVerifier(key: Buffer, verifier: string): boolean {
    try {
      return open(key, VERIFIER_AAD, verifier) === VERIFIER_PLAIN;
    } catch {
      return false;
    }
  },
};

/** What the Electron host adapts safeStorage to; tests pass a fake. */
export interface OsEncryption {
  /** Electron's name for it, e.g. 'keychain', 'dpapi', 'gnome_libsecret', 'basic_text' */
  backend: string;
  isAvailable(): boolean;
  encrypt(plain: string): Buffer;
  decrypt(cipher: Buffer): string;
}

/** the OS keychain really encrypts: Electron's "basic_text" fallback (Linux without a keyring) only obfuscates */
export function osKeychainUsable(os: OsEncryption | undefined): os is OsEncryption {
  return !!os && os.backend !== 'basic_text' && os.isAvailable();
}

/**
 * safeStorage has no associated data, so the id travels inside the encrypted payload and is checked on the way out:
 * the same guarantee against swapped values as the passphrase backend's AAD.
 */
export const osCipher = {
  seal(os: OsEncryption, id: string, plain: string): string {
    return `os1:${os.encrypt(JSON.stringify({ id, v: plain })).toString('base64')}`;
  },
  open(os: OsEncryption, id: string, sealed: unknown): string {
    if (typeof sealed !== 'string' || !sealed.startsWith('os1:')) throw new Error('unknown ciphertext format');
    const payload: unknown = JSON.parse(os.decrypt(Buffer.from(sealed.slice(4), 'base64')));
    if (typeof payload !== 'object' || payload === null) throw new Error('malformed payload');
    const { id: boundId, v } = payload as { id?: unknown; v?: unknown };
    if (boundId !== id || typeof v !== 'string') throw new Error('ciphertext belongs to another id');
    return v;
  },
};
