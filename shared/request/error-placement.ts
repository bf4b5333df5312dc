import type { ErrorCode } from '../contract/errors';

/** Where the builder shows an error: next to what caused it, or in the response pane for everything else. */
export type ErrorPlace = 'url' | 'method' | 'headers' | 'body' | 'response';

export function placeError(code: ErrorCode): ErrorPlace {
  switch (code) {
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
