/** Header names whose values are credentials; HAR exports keep only the scheme ("Bearer ••••"). */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization']);
const MASK = '••••';

export function maskCredential(value: string): string {
  const scheme = /^\s*([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*)\s+\S/.exec(value)?.[1];
  return scheme ? `${scheme} ${MASK}` : MASK;
}

/**
 * The one place exported headers pass through before leaving Courier. Today: Authorization and
 * Proxy-Authorization values become "<scheme> ••••". User-marked secrets join here when the vault lands.
 */
export function maskSecrets(headers: readonly (readonly [string, string])[]): [string, string][] {
  return headers.map(([name, value]) => [name, CREDENTIAL_HEADERS.has(name.toLowerCase()) ? maskCredential(value) : value]);
}
