/**
 * {{$env.NAME}} resolves only names the user has allowed: an imported collection must not be able to send
 * AWS_SECRET_ACCESS_KEY (or anything else in the environment) on its first Send. The vault's own passphrase
 * variable never resolves. Windows ignores case in environment names, so the comparison does too.
 */
const VAULT_PASSPHRASE_ENV = 'COURIER_VAULT_PASSPHRASE';

export function isHiddenEnvName(name: string): boolean {
  return name.trim().toUpperCase() === VAULT_PASSPHRASE_ENV;
}

/** What ENV_NOT_ALLOWED carries in its detail: the names asked for and the host that would receive them. */
interface EnvRequest {
  names: string[];
  host: string;
}

export function envNotAllowedDetail(request: EnvRequest): string {
  return JSON.stringify(request);
}

/** The names and host of an ENV_NOT_ALLOWED error's detail, or null when it is not one. */
export function readEnvNotAllowed(error: { code: string; detail?: string }): EnvRequest | null {
  if (error.code !== 'ENV_NOT_ALLOWED' || error.detail === undefined) return null;
  try {
    const parsed = JSON.parse(error.detail) as Partial<EnvRequest>;
    if (!Array.isArray(parsed.names) || typeof parsed.host !== 'string') return null;
    const names = parsed.names.filter((name): name is string => typeof name === 'string');
    return names.length > 0 ? { names, host: parsed.host } : null;
  } catch {
    return null;
  }
}
