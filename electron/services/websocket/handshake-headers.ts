import { validateHeader } from '../http';

/**
 * The handshake headers, checked as the HTTP path checks its own: a CR/LF or a non-Latin-1 character is refused
 * naming the header (INVALID_HEADER) before any socket opens, instead of surfacing as Node's TypeError.
 */
export function validateHandshakeHeaders(headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) validateHeader(name, value);
}
