import { z } from 'zod';
import { scopeIdSchema } from '../../../shared/contract';

/** The settings-store key holding every scope's variables (secrets only as flags; their values are in the vault). */
export const VARIABLES_KEY = 'variables';
export const GLOBAL_SCOPE_ID = 'global';
export const COLLECTION_SCOPE_ID = 'collection';

// Loose objects: fields a later version adds survive a write by this one.
const storedVariableSchema = z.looseObject({
  id: z.string().min(1).max(128),
  name: z.string(),
  /** '' for a secret: its value lives in the vault under var:<scopeId>:<id> */
  value: z.string(),
  enabled: z.boolean(),
  secret: z.boolean(),
});
const scopeSchema = z.looseObject({ variables: z.array(storedVariableSchema) });
const environmentSchema = z.looseObject({ id: scopeIdSchema, name: z.string(), variables: z.array(storedVariableSchema) });

export const layoutSchema = z.looseObject({
  global: scopeSchema,
  collection: scopeSchema,
  environments: z.array(environmentSchema),
  activeEnvironmentId: z.string().nullable(),
});

export type StoredVariable = z.infer<typeof storedVariableSchema>;
export type StoredEnvironment = z.infer<typeof environmentSchema>;
export type Layout = z.infer<typeof layoutSchema>;

export const emptyLayout = (): Layout => ({
  global: { variables: [] },
  collection: { variables: [] },
  environments: [],
  activeEnvironmentId: null,
});

/** Where a secret variable's value is kept in the vault. Scope ids cannot contain ':', so prefixes do not overlap. */
export const secretId = (scopeId: string, variableId: string): string => `var:${scopeId}:${variableId}`;
export const scopeSecretPrefix = (scopeId: string): string => `var:${scopeId}:`;
