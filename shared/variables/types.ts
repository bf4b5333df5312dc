import type { VariableScopeKind } from '../contract/variables';

export interface VariableDefinition {
  name: string;
  /** null: a secret that cannot be read now (see unavailable) or whose value is hidden (renderer) */
  value: string | null;
  secret: boolean;
  unavailable?: 'locked' | 'unreadable';
}

export interface VariableLayer {
  scope: VariableScopeKind;
  label: string;
  /** at the "collection" rank: the request's own collection or one of its folders (label = its name), not the workspace */
  container?: 'collection' | 'folder';
  variables: readonly VariableDefinition[];
}

/** Everything non-deterministic is injectable, so tests and the main process decide where values come from. */
export interface ResolveEnvironment {
  processEnv?: (name: string) => string | undefined;
  now?: () => number;
  randomInt?: () => number;
  uuid?: () => string;
  /**
   * When set, every secret value (a secret variable, a process environment value) is replaced by what this returns
   * at the place it is substituted: the main process resolves a request twice, the second time with a marker here,
   * to know where in the URL and headers it built the secrets went (history masks those places, not coincidences).
   */
  maskSecret?: (value: string) => string;
}

export type VariableSource = 'request' | 'environment' | 'collection' | 'global' | 'dynamic' | 'process-env';

export interface VariableUse {
  name: string;
  source: VariableSource;
  label: string;
  secret: boolean;
}

export interface Resolution {
  unresolved: string[];
  used: VariableUse[];
  /** plain values of every secret used (for redaction) */
  secretValues: string[];
}

export type VariableStatus = 'resolved' | 'unresolved' | 'cycle' | 'locked' | 'unreadable' | 'dynamic' | 'process-env' | 'hidden-secret';

export interface VariableDescription {
  name: string;
  status: VariableStatus;
  /** what a tooltip shows: the value, '••••••' for secrets, a sample for dynamic values, '' when unresolved */
  displayValue: string;
  secret: boolean;
  source: { scope: VariableUse['source']; label: string; container?: 'collection' | 'folder' } | null;
  /** lower-precedence definitions this one hides */
  shadows: { scope: VariableScopeKind; label: string; container?: 'collection' | 'folder' }[];
  /** for cycles: the chain, e.g. 'a → b → a' */
  message?: string;
}

export interface Resolver {
  resolve(text: string): string;
  describe(name: string): VariableDescription;
  resolution(): Resolution;
}
