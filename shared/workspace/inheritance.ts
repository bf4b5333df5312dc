import type { RequestAuth } from '../contract/auth';
import type { HttpRequestSpec, KeyValue } from '../contract/http';
import type { ContainerSettings } from '../contract/workspace';
import type { VariableLayer } from '../variables';

/**
 * A saved request as it is sent: headers and auth of its collection and folders apply under its own. `chain` runs
 * from the collection down to the nearest folder. A header the request (or a nearer folder) sets replaces one of
 * the same name further up; a request whose auth is "inherit" takes the nearest container's auth, and "none" sends none.
 */
export function applyInheritance(spec: HttpRequestSpec, chain: readonly ContainerSettings[]): HttpRequestSpec {
  const auth = inheritedAuth(spec.auth, chain).auth;
  if (chain.length === 0) return auth === spec.auth ? spec : { ...spec, auth };
  let headers: KeyValue[] = [];
  for (const level of [...chain.map((c) => c.headers.filter((h) => h.enabled !== false)), spec.headers]) {
    const names = new Set(level.map((h) => h.name.trim().toLowerCase()));
    headers = [...headers.filter((h) => !names.has(h.name.trim().toLowerCase())), ...level];
  }
  return { ...spec, headers, auth };
}

/**
 * The auth a request is sent with: its own, or for "Inherit from parent" the auth of the nearest folder or collection
 * that has one (`source` names it), or none when no parent has. "No auth" is none whatever the parents have.
 */
export function inheritedAuth(auth: RequestAuth, chain: readonly Pick<ContainerSettings, 'name' | 'auth'>[]): { auth: RequestAuth; source: string | null } {
  if (auth.kind !== 'inherit') return { auth, source: null };
  for (let i = chain.length - 1; i >= 0; i -= 1) {
    const candidate = chain[i]!.auth;
    if (candidate.kind !== 'none' && candidate.kind !== 'inherit') return { auth: candidate, source: chain[i]!.name };
  }
  return { auth: { kind: 'none' }, source: null };
}

/**
 * Folder and collection variables as resolver layers, nearest first. They share the collection rank: below the
 * request and the active environment, above global.
 */
export function inheritedLayers(chain: readonly ContainerSettings[]): VariableLayer[] {
  // the chain runs from the collection down to the request's own folder; the layers go nearest first
  const layers = chain.map((container, index) => ({
    scope: 'collection' as const,
    label: container.name,
    container: index === 0 ? ('collection' as const) : ('folder' as const),
    variables: container.variables.filter((v) => v.enabled !== false).map((v) => ({ name: v.name, value: v.value, secret: false })),
  }));
  return layers.reverse();
}

/** Inserts the inherited layers where the collection rank starts (after request and environment layers). */
export function withInheritedLayers(layers: readonly VariableLayer[], inherited: readonly VariableLayer[]): VariableLayer[] {
  const at = layers.findIndex((layer) => layer.scope === 'collection' || layer.scope === 'global');
  const index = at === -1 ? layers.length : at;
  return [...layers.slice(0, index), ...inherited, ...layers.slice(index)];
}
