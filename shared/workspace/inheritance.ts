import type { HttpRequestSpec, KeyValue } from '../contract/http';
import type { ContainerSettings } from '../contract/workspace';
import type { VariableLayer } from '../variables';

/**
 * A saved request as it is sent: headers and auth of its collection and folders apply under its own. `chain` runs
 * from the collection down to the nearest folder. A header the request (or a nearer folder) sets replaces one of
 * the same name further up; a request whose auth is "none" takes the nearest container's auth.
 */
export function applyInheritance(spec: HttpRequestSpec, chain: readonly ContainerSettings[]): HttpRequestSpec {
  if (chain.length === 0) return spec;
  let headers: KeyValue[] = [];
  for (const level of [...chain.map((c) => c.headers.filter((h) => h.enabled !== false)), spec.headers]) {
    const names = new Set(level.map((h) => h.name.trim().toLowerCase()));
    headers = [...headers.filter((h) => !names.has(h.name.trim().toLowerCase())), ...level];
  }
  let auth = spec.auth;
  if (auth.kind === 'none') {
    for (let i = chain.length - 1; i >= 0; i -= 1) {
      const candidate = chain[i]!.auth;
      if (candidate.kind !== 'none') {
        auth = candidate;
        break;
      }
    }
  }
  return { ...spec, headers, auth };
}

/**
 * Folder and collection variables as resolver layers, nearest first. They share the collection rank: below the
 * request and the active environment, above global.
 */
export function inheritedLayers(chain: readonly ContainerSettings[]): VariableLayer[] {
  return [...chain].reverse().map((container) => ({
    scope: 'collection' as const,
    label: container.name,
    variables: container.variables
      .filter((v) => v.enabled !== false)
      .map((v) => ({ name: v.name, value: v.value, secret: false })),
  }));
}

/** Inserts the inherited layers where the collection rank starts (after request and environment layers). */
export function withInheritedLayers(layers: readonly VariableLayer[], inherited: readonly VariableLayer[]): VariableLayer[] {
  const at = layers.findIndex((layer) => layer.scope === 'collection' || layer.scope === 'global');
  const index = at === -1 ? layers.length : at;
  return [...layers.slice(0, index), ...inherited, ...layers.slice(index)];
}
