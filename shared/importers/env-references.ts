import type { ImportResult } from '../contract';
import { findVariableReferences } from '../variables';

const PREFIX = '$env.';

function visit(value: unknown, names: Set<string>): void {
  if (typeof value === 'string') {
    if (value.includes('{{')) {
      for (const { name } of findVariableReferences(value)) {
        const trimmed = name.trim();
        if (trimmed.startsWith(PREFIX) && trimmed.length > PREFIX.length) names.add(trimmed.slice(PREFIX.length));
      }
    }
  } else if (Array.isArray(value)) {
    for (const item of value) visit(item, names);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) visit(item, names);
  }
}

/**
 * Every process environment name an import would read through {{$env.NAME}} (in requests, collection variables,
 * auth and environments), sorted: the preview lists them, so a file cannot quietly aim at AWS_SECRET_ACCESS_KEY.
 */
export function processEnvReferences(result: Pick<ImportResult, 'collections' | 'environments'>): string[] {
  const names = new Set<string>();
  visit(result.collections, names);
  visit(result.environments, names);
  return [...names].sort();
}
