import type { VariablesState } from '../contract';
import { PRECEDENCE_CHAIN } from '../variables';

/**
 * The order in which scopes are consulted, said once, the way the editor shows it. Folder and Collection are the
 * variables in a collection's or folder's settings; they apply to the requests saved inside it.
 */
export const PRECEDENCE_LINE = `${PRECEDENCE_CHAIN} — the first that defines a name wins`;

type ScopeKind = 'global' | 'collection' | 'environment';

/** The user-facing name of a scope kind. */
export function scopeKindLabel(kind: ScopeKind): string {
  return kind === 'global' ? 'Globals' : kind === 'collection' ? 'Workspace' : 'Environment';
}

/**
 * Names in the given scope that a scope of higher precedence also defines (enabled), with that scope's label, so
 * the editor can say "Overridden by dev". Only the active environment takes part; request variables are not known here.
 */
export function overriddenNames(state: VariablesState, scopeId: string): Map<string, string> {
  const active = state.environments.find((env) => env.id === state.activeEnvironmentId) ?? null;
  const higher: { label: string; names: Set<string> }[] = [];
  const enabledNames = (variables: { name: string; enabled: boolean }[]) => new Set(variables.filter((v) => v.enabled).map((v) => v.name));
  if (scopeId === state.global.id) {
    if (active) higher.push({ label: active.name, names: enabledNames(active.variables) });
    higher.push({ label: 'Workspace', names: enabledNames(state.collection.variables) });
  } else if (scopeId === state.collection.id) {
    if (active) higher.push({ label: active.name, names: enabledNames(active.variables) });
  }
  const result = new Map<string, string>();
  const scope = scopeId === state.global.id ? state.global : scopeId === state.collection.id ? state.collection : null;
  for (const variable of scope?.variables ?? []) {
    const winner = higher.find((h) => h.names.has(variable.name));
    if (winner) result.set(variable.name, winner.label);
  }
  return result;
}
