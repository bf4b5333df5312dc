import { z } from 'zod';
import { isSaneScrypt, SALT_BYTES } from './ciphers';

/** The settings-store key holding every ciphertext, so one store.set replaces all of them at once. */
export const VAULT_KEY = 'vault';
export const VAULT_VERSION = 1;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

const kdfSchema = z
  .object({
    name: z.literal('scrypt'),
    salt: base64.refine((salt) => Buffer.from(salt, 'base64').length >= SALT_BYTES, 'salt too short'),
    N: z.number(),
    r: z.number(),
    p: z.number(),
  })
  .refine(isSaneScrypt, 'scrypt parameters out of range');

/**
 * Secrets are `unknown` on purpose: one damaged value (a number, a truncated string) makes only that id unreadable,
 * not the whole vault malformed. Loose objects keep fields a later minor version may add when we write back.
 */
const secretsSchema = z.record(z.string(), z.unknown());

export const passphraseRecordSchema = z.looseObject({
  version: z.literal(VAULT_VERSION),
  backend: z.literal('passphrase'),
  kdf: kdfSchema,
  verifier: z.string(),
  secrets: secretsSchema,
});

const osRecordSchema = z.looseObject({
  version: z.literal(VAULT_VERSION),
  backend: z.literal('os'),
  osBackend: z.string().nullable(),
  secrets: secretsSchema,
});

export type PassphraseRecord = z.infer<typeof passphraseRecordSchema>;
export type OsRecord = z.infer<typeof osRecordSchema>;
export type VaultRecord = PassphraseRecord | OsRecord;

type LoadedRecord =
  | { kind: 'none' }
  | { kind: 'ok'; record: VaultRecord }
  /** written by a newer Courier: left alone, read-only */
  | { kind: 'newer'; version: number }
  | { kind: 'malformed'; raw: unknown };

export function parseRecord(raw: unknown): LoadedRecord {
  if (raw === undefined) return { kind: 'none' };
  const version = (raw as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > VAULT_VERSION) return { kind: 'newer', version };
  const asPassphrase = passphraseRecordSchema.safeParse(raw);
  if (asPassphrase.success) return { kind: 'ok', record: asPassphrase.data };
  const asOs = osRecordSchema.safeParse(raw);
  if (asOs.success) return { kind: 'ok', record: asOs.data };
  return { kind: 'malformed', raw };
}
