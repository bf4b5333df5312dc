import { CourierError } from '../../shared/contract';
import { isHiddenEnvName } from '../../shared/variables';
import { type SettingsStore } from '../services/settings-store';

/** The names {{$env.NAME}} may resolve, kept in the settings file; empty until the user allows one. */
const ENV_ALLOW_KEY = 'processEnvAllowList';

interface EnvAllowList {
  list(): string[];
  isAllowed(name: string): boolean;
  allow(names: readonly string[]): string[];
  /** takes names off (matched as the platform matches environment names); unknown names are ignored */
  revoke(names: readonly string[]): string[];
}

export function createEnvAllowList(settings: Pick<SettingsStore, 'get' | 'set'>, platform: NodeJS.Platform = process.platform): EnvAllowList {
  // Windows environment names ignore case; elsewhere FOO and foo are two variables
  const sameName = (a: string, b: string): boolean => (platform === 'win32' ? a.toUpperCase() === b.toUpperCase() : a === b);
  const list = (): string[] => {
    const stored = settings.get(ENV_ALLOW_KEY);
    return Array.isArray(stored) ? stored.filter((name): name is string => typeof name === 'string') : [];
  };
  return {
    list,
    isAllowed: (name) => !isHiddenEnvName(name) && list().some((allowed) => sameName(allowed, name)),
    allow(names) {
      const hidden = names.find(isHiddenEnvName);
      if (hidden !== undefined) throw new CourierError('INVALID_INPUT', `${hidden} holds the vault passphrase and can never be used in a request.`, hidden);
      const allowed = list();
      for (const name of names.map((n) => n.trim())) if (name !== '' && !allowed.some((known) => sameName(known, name))) allowed.push(name);
      settings.set(ENV_ALLOW_KEY, allowed);
      return allowed;
    },
    revoke(names) {
      const kept = list().filter((allowed) => !names.some((name) => sameName(allowed, name.trim())));
      settings.set(ENV_ALLOW_KEY, kept);
      return kept;
    },
  };
}
