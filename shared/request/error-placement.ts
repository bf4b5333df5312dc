import type { ErrorCode } from '../contract/errors';

/** Where the builder shows an error: next to what caused it, or in the response pane for everything else. */
type ErrorPlace = 'url' | 'method' | 'headers' | 'body' | 'auth' | 'response';

export function placeError(code: ErrorCode, detail?: string): ErrorPlace {
  // an Auth tab credential that is not available (CREDENTIAL_UNAVAILABLE, or VAULT_LOCKED for one kept in the vault)
  if (detail !== undefined && detail.startsWith('auth.')) return 'auth';
  switch (code) {
    case 'CREDENTIAL_UNAVAILABLE':
      return 'auth';
    case 'INVALID_URL':
    case 'UNSUPPORTED_PROTOCOL':
    case 'SELF_REQUEST_REFUSED':
      return 'url';
    case 'INVALID_METHOD':
      return 'method';
    case 'INVALID_HEADER':
      return 'headers';
    case 'INVALID_BODY':
      return 'body';
    default:
      return 'response';
  }
}
