import type { VariableScopeKind } from '../contract/variables';
import type { VariableDefinition, VariableSource, VariableUse } from './types';

/** One definition as the resolver looks it up: the winner for its name across all layers. */
export interface Entry {
  definition: VariableDefinition;
  scope: VariableScopeKind;
  label: string;
  layerIndex: number;
  /** already in the resolver's `used` list: cheaper than a Set lookup on every reference */
  used: boolean;
}

/** What one pass of resolution records. resolve() keeps one for the resolver's life; describe() uses a throwaway. */
export interface Context {
  /** false for describe(): hovering a variable must not change what resolution() reports */
  recordUses: boolean;
  stack: string[];
  /** nested values already expanded, unless they contained a dynamic value (each occurrence must be fresh) */
  memo: Map<string, string>;
  volatile: boolean;
  unresolved: string[];
  unresolvedSeen: Set<string>;
  used: VariableUse[];
  /** dynamic and process environment names, which have no Entry to mark */
  usedSeen: Set<string>;
  secretValues: string[];
  secretSeen: Set<string>;
}

export function newContext(recordUses: boolean): Context {
  return {
    recordUses,
    stack: [],
    memo: new Map(),
    volatile: false,
    unresolved: [],
    unresolvedSeen: new Set(),
    used: [],
    usedSeen: new Set(),
    secretValues: [],
    secretSeen: new Set(),
  };
}

export function markUnresolved(context: Context, name: string): null {
  if (context.recordUses && !context.unresolvedSeen.has(name)) {
    context.unresolvedSeen.add(name);
    context.unresolved.push(name);
  }
  return null;
}

export function markUsed(context: Context, name: string, source: VariableSource, label: string, secret: boolean): void {
  if (!context.recordUses || context.usedSeen.has(name)) return;
  context.usedSeen.add(name);
  context.used.push({ name, source, label, secret });
}

export function markEntryUsed(context: Context, name: string, entry: Entry): void {
  if (!context.recordUses || entry.used) return;
  entry.used = true;
  context.used.push({ name, source: entry.scope, label: entry.label, secret: entry.definition.secret });
}

export function markSecret(context: Context, value: string): void {
  if (value !== '' && !context.secretSeen.has(value)) {
    context.secretSeen.add(value);
    context.secretValues.push(value);
  }
}
