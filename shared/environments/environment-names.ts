import type { VariableScopeView } from '../contract';

const MAX_ENVIRONMENT_NAME_LENGTH = 200;

/** Why this environment name cannot be used, or null. Names are compared trimmed and without regard to case. */
export function environmentNameProblem(name: string, environments: readonly Pick<VariableScopeView, 'id' | 'name'>[], selfId?: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Give the environment a name.';
  if (trimmed.length > MAX_ENVIRONMENT_NAME_LENGTH) return `Environment names are at most ${MAX_ENVIRONMENT_NAME_LENGTH} characters.`;
  const clash = environments.find((env) => env.id !== selfId && env.name.trim().toLowerCase() === trimmed.toLowerCase());
  return clash ? `An environment named “${clash.name}” already exists.` : null;
}

/** "dev copy", then "dev copy 2", "dev copy 3"… whichever is free. */
export function copyName(name: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.trim().toLowerCase()));
  const base = `${name.trim()} copy`.slice(0, MAX_ENVIRONMENT_NAME_LENGTH);
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, MAX_ENVIRONMENT_NAME_LENGTH - String(n).length - 1)} ${n}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** The environment that `after` has and `before` did not (the one just created), or null. */
export function findNewEnvironment<T extends { id: string }>(before: readonly T[], after: readonly T[]): T | null {
  const known = new Set(before.map((env) => env.id));
  return after.find((env) => !known.has(env.id)) ?? null;
}
