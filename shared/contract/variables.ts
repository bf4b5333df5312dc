import { z } from 'zod';
import { VARIABLE_NAME } from './values';

export { VARIABLE_NAME } from './values';

export const variableNameSchema = z.string().min(1).max(256).regex(VARIABLE_NAME, 'Variable names start with a letter or _ and use letters, digits, _ . -');

/** Precedence, highest first: request > environment > collection > global. */
const VARIABLE_SCOPE_KINDS = ['request', 'environment', 'collection', 'global'] as const;
export const variableScopeKindSchema = z.enum(VARIABLE_SCOPE_KINDS);
export type VariableScopeKind = z.infer<typeof variableScopeKindSchema>;

/**
 * A stored variable as the renderer sees it. A secret's value is never sent: `value` is '' and `secretState` says
 * whether one is set and readable.
 *  - plain: not a secret
 *  - set: encrypted and readable now
 *  - empty: a secret with no value yet
 *  - locked: encrypted, the vault is locked
 *  - unreadable: encrypted but it does not decrypt (another machine's key, a damaged value); only this one is affected
 */
const SECRET_STATES = ['plain', 'set', 'empty', 'locked', 'unreadable'] as const;
export const secretStateSchema = z.enum(SECRET_STATES);
export type SecretState = z.infer<typeof secretStateSchema>;

export const variableViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  value: z.string(),
  enabled: z.boolean(),
  secret: z.boolean(),
  secretState: secretStateSchema,
});
export type VariableView = z.infer<typeof variableViewSchema>;

export const scopeIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/);

export const variableScopeViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['environment', 'collection', 'global']),
  name: z.string(),
  variables: z.array(variableViewSchema),
});
export type VariableScopeView = z.infer<typeof variableScopeViewSchema>;

/**
 * An edit of one variable. For a secret, `value` omitted keeps the stored ciphertext; given, it is encrypted.
 * Turning a secret into a plain variable without a value decrypts the stored one (needs the vault unlocked).
 */
export const variableEditSchema = z.object({
  id: z.string().max(128).optional(),
  name: variableNameSchema,
  value: z.string().max(1_000_000).optional(),
  enabled: z.boolean().default(true),
  secret: z.boolean().default(false),
});
export type VariableEditInput = z.input<typeof variableEditSchema>;

const VAULT_BACKENDS = ['os', 'passphrase'] as const;
export const vaultStatusSchema = z.object({
  /** os: Electron safeStorage (Keychain, DPAPI, libsecret/kwallet); passphrase: AES-256-GCM, key from scrypt */
  backend: z.enum(VAULT_BACKENDS),
  /** Electron's name for the OS backend (e.g. "gnome_libsecret", "basic_text"); null outside Electron */
  osBackend: z.string().nullable(),
  /** uninitialized: no passphrase chosen yet (the first unlock sets it) */
  state: z.enum(['unlocked', 'locked', 'uninitialized']),
  /** something the user must hear, e.g. Linux without a keyring */
  warning: z.string().nullable(),
  /** the scrypt parameters in force (passphrase backend) */
  kdf: z.object({ name: z.literal('scrypt'), N: z.number(), r: z.number(), p: z.number() }).nullable(),
  secretCount: z.number(),
  unreadableCount: z.number(),
});
export type VaultStatus = z.infer<typeof vaultStatusSchema>;

export const variablesStateSchema = z.object({
  global: variableScopeViewSchema,
  /** the workspace's own variables (one collection until collections arrive) */
  collection: variableScopeViewSchema,
  environments: z.array(variableScopeViewSchema),
  activeEnvironmentId: z.string().nullable(),
  vault: vaultStatusSchema,
});
export type VariablesState = z.infer<typeof variablesStateSchema>;
