import { randomBytes } from 'node:crypto';
import { CourierError, type VaultStatus } from '../../../shared/contract';
import { MIN_PASSPHRASE_LENGTH } from '../../../shared/environments';
import type { SettingsStore } from '../settings-store';
import {
  DEFAULT_SCRYPT,
  deriveKey,
  isSaneScrypt,
  osCipher,
  osKeychainUsable,
  passphraseCipher,
  SALT_BYTES,
  scryptCost,
  type OsEncryption,
  type ScryptParams,
} from './ciphers';
import { parseRecord, VAULT_KEY, VAULT_VERSION, type PassphraseRecord, type VaultRecord } from './record';

export type SecretState = 'set' | 'locked' | 'unreadable' | 'missing';

export interface VaultOptions {
  store: SettingsStore;
  /** Electron's safeStorage, adapted by the host; absent in web mode and under Node */
  os?: OsEncryption;
  /** for a new vault or a changed passphrase; an existing vault keeps the parameters it was made with */
  scrypt?: ScryptParams;
  /** the vault's status or its secrets changed (the host emits variables.changed { reason: 'vault' }) */
  onChange?: () => void;
  /** clock for the wrong-guess throttle; default Date.now */
  now?: () => number;
}

/** Wrong passphrases allowed before each further try has to wait. */
const FREE_GUESSES = 5;
const FIRST_WAIT_MS = 1000;
const MAX_WAIT_MS = 5 * 60 * 1000;

/** The wait after `failures` wrong guesses in a row: none for the first five, then 1 s, 2 s, 4 s … up to 5 minutes. */
function throttleWaitMs(failures: number): number {
  if (failures < FREE_GUESSES) return 0;
  return Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (failures - FREE_GUESSES));
}

export interface Vault {
  status(): VaultStatus;
  /** The first unlock of a new passphrase vault sets the passphrase. A no-op for the OS backend. */
  unlock(passphrase: string): Promise<VaultStatus>;
  lock(): VaultStatus;
  changePassphrase(current: string, next: string): Promise<VaultStatus>;
  isUnlocked(): boolean;
  putSecret(id: string, plain: string): void;
  /** null when there is no such id */
  getSecret(id: string): string | null;
  secretState(id: string): SecretState;
  deleteSecret(id: string): boolean;
  listSecretIds(): string[];
  /**
   * Runs `fn` with every put/delete inside it written in one store write at the end; if `fn` throws, nothing is
   * written and the vault is as before. Lets a caller save many secrets at once without one file write each.
   */
  batch<T>(fn: () => T): T;
}

/**
 * How the vault holds its key:
 *  - os: safeStorage; always unlocked
 *  - os-unavailable: an OS vault whose keychain cannot be reached now; locked, and nothing is changed
 *  - passphrase: AES-256-GCM under a key from scrypt; locked until unlock()
 *  - newer: written by a newer Courier; read-only and locked
 */
type Mode = 'os' | 'os-unavailable' | 'passphrase' | 'newer';

const BASIC_TEXT_WARNING =
  'Electron found no system keyring on this computer (its "basic_text" fallback only obfuscates, it does not encrypt), ' +
  'so Courier protects your secrets with a passphrase instead. Install and unlock a keyring (GNOME Keyring or KWallet) to use it instead.';
const OS_UNAVAILABLE_WARNING = 'The system keychain is not available, so Courier protects your secrets with a passphrase instead.';

function osGoneWarning(stored: string | null, os: OsEncryption | undefined): string {
  const was = stored ? ` (${stored})` : '';
  const now = !os ? 'Courier is not running as the desktop app' : os.backend === 'basic_text' ? 'Electron finds no keyring now' : 'it does not answer';
  return (
    `Your secrets were encrypted with the system keychain${was}, which cannot be used now: ${now}. ` +
    'They stay locked and are left untouched; they will be readable again once the keychain is back.'
  );
}

function timestamp(): string {
  return new Date().toISOString().replace(/:/g, '-');
}

function sanitizeParams(params: ScryptParams): ScryptParams {
  if (!isSaneScrypt(params)) throw new Error(`unsupported scrypt parameters N=${params.N} r=${params.r} p=${params.p}`);
  return { N: params.N, r: params.r, p: params.p };
}

export function createVault(options: VaultOptions): Vault {
  const { store, os } = options;
  const params = sanitizeParams(options.scrypt ?? DEFAULT_SCRYPT);
  const osUsable = osKeychainUsable(os);
  const warnings: string[] = [];

  // The vault is the only writer of its key in this process, so the record is kept in memory and written through:
  // Conf re-reads the file on every get, and state() asks for every secret's state.
  let record: VaultRecord | null = null;
  let mode: Mode;
  let newerBackend: 'os' | 'passphrase' = 'passphrase';

  const loaded = parseRecord(store.get(VAULT_KEY));
  if (loaded.kind === 'malformed') {
    // Never silently reset: the old value is kept whole under another key before a fresh vault starts.
    const aside = `${VAULT_KEY}.corrupt-${timestamp()}`;
    store.set(aside, loaded.raw);
    store.delete(VAULT_KEY);
    warnings.push(
      `The saved secrets were damaged and could not be read. They were kept in the settings file under "${aside}" and a new, empty vault was started; enter your secrets again.`,
    );
  }
  if (loaded.kind === 'newer') {
    mode = 'newer';
    const stored = (store.get(VAULT_KEY) as { backend?: unknown } | undefined)?.backend;
    newerBackend = stored === 'os' ? 'os' : 'passphrase';
    warnings.push(
      `Your secrets were saved by a newer version of Courier (vault format ${loaded.version}). They stay locked and untouched here; update Courier to use them.`,
    );
  } else if (loaded.kind === 'ok' && loaded.record.backend === 'os') {
    record = loaded.record;
    mode = osUsable ? 'os' : 'os-unavailable';
    if (!osUsable) warnings.push(osGoneWarning(loaded.record.osBackend, os));
  } else if (loaded.kind === 'ok') {
    record = loaded.record;
    mode = 'passphrase';
  } else {
    mode = osUsable ? 'os' : 'passphrase';
  }
  if (mode === 'passphrase' && os) warnings.push(os.backend === 'basic_text' ? BASIC_TEXT_WARNING : OS_UNAVAILABLE_WARNING);

  let key: Buffer | null = null;
  /** ids known not to decrypt; filled when unlocking (passphrase) or on first look (os) */
  let unreadable = new Set<string>();
  let osCounted = false;
  /** the batch's working copy; null outside a batch */
  let working: VaultRecord | null = null;
  let batchDirty = false;
  let queue: Promise<unknown> = Promise.resolve();

  const current = (): VaultRecord | null => working ?? record;
  const secretsOf = (): Record<string, unknown> => current()?.secrets ?? {};
  const notify = (): void => options.onChange?.();

  /** Async operations run one at a time, so two unlocks cannot both create a salt. */
  const serialized = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };

  const decrypt = (id: string, sealed: unknown): string => {
    if (mode === 'os') return osCipher.open(os!, id, sealed);
    return passphraseCipher.open(key!, id, sealed);
  };

  /** Tries each ciphertext once; nothing is written, a bad value only marks its own id. */
  const countUnreadable = (): void => {
    const bad = new Set<string>();
    for (const [id, sealed] of Object.entries(secretsOf())) {
      try {
        decrypt(id, sealed);
      } catch {
        bad.add(id);
      }
    }
    unreadable = bad;
  };

  const readable = (): boolean => {
    if (mode === 'os') {
      if (!osCounted) {
        osCounted = true;
        countUnreadable();
      }
      return true;
    }
    return mode === 'passphrase' && key !== null;
  };

  const state = (): VaultStatus['state'] => {
    if (mode === 'os') return 'unlocked';
    if (mode === 'passphrase' && record === null) return 'uninitialized';
    return key !== null ? 'unlocked' : 'locked';
  };

  const status = (): VaultStatus => {
    const unlocked = readable();
    const kdf = mode === 'passphrase' ? (record && record.backend === 'passphrase' ? record.kdf : params) : null;
    return {
      backend: mode === 'os' || mode === 'os-unavailable' ? 'os' : mode === 'newer' ? newerBackend : 'passphrase',
      osBackend: os?.backend ?? null,
      state: state(),
      warning: warnings.length > 0 ? warnings.join(' ') : null,
      kdf: kdf ? { name: 'scrypt', N: kdf.N, r: kdf.r, p: kdf.p } : null,
      secretCount: Object.keys(secretsOf()).length,
      unreadableCount: unlocked ? unreadable.size : 0,
    };
  };

  const lockedError = (): CourierError => {
    if (mode === 'os-unavailable' || mode === 'newer') return new CourierError('VAULT_LOCKED', warnings.join(' '));
    if (record === null) {
      return new CourierError('VAULT_LOCKED', 'Secrets need a passphrase first. Choose one to unlock the vault, then try again.');
    }
    return new CourierError('VAULT_LOCKED', 'Your secrets are locked. Unlock them with your passphrase, then try again.');
  };

  const emptyRecord = (): VaultRecord => ({ version: VAULT_VERSION, backend: 'os', osBackend: os?.backend ?? null, secrets: {} });

  /** Every change goes through here: one store write per change, or one per batch. */
  const mutate = (change: (secrets: Record<string, unknown>) => void): void => {
    if (mode === 'newer') throw lockedError();
    if (working) {
      change(working.secrets);
      batchDirty = true;
      return;
    }
    const base = record ?? emptyRecord();
    const next: VaultRecord = { ...base, secrets: { ...base.secrets } };
    change(next.secrets);
    store.set(VAULT_KEY, next);
    record = next;
    notify();
  };

  const requirePassphrase = (passphrase: string): void => {
    if (typeof passphrase !== 'string' || passphrase.length === 0) {
      throw new CourierError('INVALID_INPUT', 'Enter a passphrase.');
    }
  };

  /** A passphrase being chosen: the form says the same, but the service is what holds (any bridge caller can ask). */
  const requireNewPassphrase = (passphrase: string): void => {
    requirePassphrase(passphrase);
    if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
      throw new CourierError('INVALID_INPUT', `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters.`);
    }
  };

  // Wrong guesses in a row and when the next try is allowed. In memory: the throttle slows guessing through the app
  // (any caller of the bridge); someone who can read the settings file can run scrypt without Courier anyway.
  const now = options.now ?? Date.now;
  let failures = 0;
  let retryAt = 0;

  const checkThrottle = (): void => {
    const waitMs = retryAt - now();
    if (waitMs <= 0) return;
    const seconds = Math.ceil(waitMs / 1000);
    throw new CourierError('VAULT_THROTTLED', `Too many wrong passphrases. Wait ${seconds} second${seconds === 1 ? '' : 's'}, then try again.`, String(waitMs));
  };

  const wrongPassphrase = (): CourierError => {
    failures += 1;
    retryAt = now() + throttleWaitMs(failures);
    return new CourierError('WRONG_PASSPHRASE', 'That passphrase is not the one protecting your secrets. Nothing was changed; try again.');
  };

  const rightPassphrase = (): void => {
    failures = 0;
    retryAt = 0;
  };

  /** Every secret opened with one key and sealed with another; values that cannot be opened are kept as they are. */
  const reseal = (oldKey: Buffer, newKey: Buffer, from: Record<string, unknown>): { secrets: Record<string, unknown>; bad: Set<string> } => {
    const secrets: Record<string, unknown> = {};
    const bad = new Set<string>();
    for (const [id, sealed] of Object.entries(from)) {
      try {
        secrets[id] = passphraseCipher.seal(newKey, id, passphraseCipher.open(oldKey, id, sealed));
      } catch {
        // Cannot be re-encrypted; kept byte for byte so nothing is lost, and still reported.
        secrets[id] = sealed;
        bad.add(id);
      }
    }
    return { secrets, bad };
  };

  return {
    status,
    isUnlocked: () => readable(),

    unlock: (passphrase) =>
      serialized(async () => {
        if (mode === 'os') return status();
        if (mode !== 'passphrase') throw lockedError();
        requirePassphrase(passphrase);
        checkThrottle();
        if (record === null) {
          requireNewPassphrase(passphrase);
          const salt = randomBytes(SALT_BYTES);
          const fresh = await deriveKey(passphrase, salt, params);
          const created: PassphraseRecord = {
            version: VAULT_VERSION,
            backend: 'passphrase',
            kdf: { name: 'scrypt', salt: salt.toString('base64'), ...params },
            verifier: passphraseCipher.makeVerifier(fresh),
            secrets: {},
          };
          store.set(VAULT_KEY, created);
          record = created;
          key = fresh;
          unreadable = new Set();
        } else {
          const { kdf, verifier } = record as PassphraseRecord;
          // A vault made with a weaker cost than today's is re-encrypted under today's on this unlock. Both keys are
          // derived at once on the thread pool, so the upgrade adds little to the unlock (and nothing when none is due).
          const upgrade = scryptCost(kdf) < scryptCost(params);
          const salt = randomBytes(SALT_BYTES);
          const [candidate, upgraded] = await Promise.all([
            deriveKey(passphrase, Buffer.from(kdf.salt, 'base64'), kdf),
            upgrade ? deriveKey(passphrase, salt, params) : Promise.resolve(null),
          ]);
          if (!passphraseCipher.checkVerifier(candidate, verifier)) throw wrongPassphrase();
          rightPassphrase();
          if (upgraded) {
            // Read after the awaits, as changePassphrase does; one store write replaces the whole record atomically.
            const base = record as PassphraseRecord;
            const { secrets, bad } = reseal(candidate, upgraded, base.secrets);
            const next: PassphraseRecord = {
              ...base,
              kdf: { name: 'scrypt', salt: salt.toString('base64'), ...params },
              verifier: passphraseCipher.makeVerifier(upgraded),
              secrets,
            };
            store.set(VAULT_KEY, next);
            record = next;
            key = upgraded;
            unreadable = bad;
          } else {
            key = candidate;
            countUnreadable();
          }
        }
        notify();
        return status();
      }),

    lock: () => {
      if (mode === 'passphrase' && key !== null) {
        key = null;
        unreadable = new Set();
        notify();
      }
      return status();
    },

    changePassphrase: (currentPassphrase, nextPassphrase) =>
      serialized(async () => {
        if (mode === 'os') {
          throw new CourierError('INVALID_INPUT', 'Your secrets are protected by the system keychain; there is no passphrase to change.');
        }
        if (mode !== 'passphrase') throw lockedError();
        if (record === null) {
          throw new CourierError('INVALID_INPUT', 'No passphrase has been set yet. Unlock the vault to choose one.');
        }
        requirePassphrase(currentPassphrase);
        requireNewPassphrase(nextPassphrase);
        checkThrottle();
        const { kdf, verifier } = record as PassphraseRecord;
        const salt = randomBytes(SALT_BYTES);
        // Both derivations run on the thread pool at once; the new one uses today's parameters, so a change of
        // passphrase is also how an old vault picks up stronger ones.
        const [oldKey, newKey] = await Promise.all([
          deriveKey(currentPassphrase, Buffer.from(kdf.salt, 'base64'), kdf),
          deriveKey(nextPassphrase, salt, params),
        ]);
        if (!passphraseCipher.checkVerifier(oldKey, verifier)) throw wrongPassphrase();
        rightPassphrase();
        // Read the secrets after the awaits: a put made meanwhile must be carried over too.
        const base = record as PassphraseRecord;
        const { secrets, bad } = reseal(oldKey, newKey, base.secrets);
        const next: PassphraseRecord = {
          ...base,
          kdf: { name: 'scrypt', salt: salt.toString('base64'), ...params },
          verifier: passphraseCipher.makeVerifier(newKey),
          secrets,
        };
        store.set(VAULT_KEY, next);
        record = next;
        key = newKey;
        unreadable = bad;
        notify();
        return status();
      }),

    putSecret: (id, plain) => {
      if (!readable()) throw lockedError();
      const sealed = mode === 'os' ? osCipher.seal(os!, id, plain) : passphraseCipher.seal(key!, id, plain);
      mutate((secrets) => {
        secrets[id] = sealed;
      });
      unreadable.delete(id);
    },

    getSecret: (id) => {
      const secrets = secretsOf();
      if (!Object.hasOwn(secrets, id)) return null;
      if (!readable()) throw lockedError();
      try {
        return decrypt(id, secrets[id]);
      } catch {
        unreadable.add(id);
        throw new CourierError(
          'SECRET_UNREADABLE',
          'This secret cannot be decrypted: it was saved with another key (another computer or user account) or it is damaged. Enter its value again to replace it.',
        );
      }
    },

    secretState: (id) => {
      if (!Object.hasOwn(secretsOf(), id)) return 'missing';
      if (!readable()) return 'locked';
      return unreadable.has(id) ? 'unreadable' : 'set';
    },

    deleteSecret: (id) => {
      if (!Object.hasOwn(secretsOf(), id)) return false;
      mutate((secrets) => {
        delete secrets[id];
      });
      unreadable.delete(id);
      return true;
    },

    listSecretIds: () => Object.keys(secretsOf()),

    batch: <T>(fn: () => T): T => {
      if (working) return fn();
      const base = record ?? emptyRecord();
      const savedUnreadable = new Set(unreadable);
      working = { ...base, secrets: { ...base.secrets } };
      batchDirty = false;
      try {
        const result = fn();
        if (batchDirty) {
          store.set(VAULT_KEY, working);
          record = working;
        }
        return result;
      } catch (error) {
        unreadable = savedUnreadable;
        throw error;
      } finally {
        const changed = batchDirty && record === working;
        working = null;
        batchDirty = false;
        if (changed) notify();
      }
    },
  };
}
