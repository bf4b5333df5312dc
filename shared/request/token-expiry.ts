/** How an OAuth token's lifetime reads in the token box. */
type TokenExpiryState = 'none' | 'valid' | 'expiring' | 'expired';

interface TokenExpiry {
  state: TokenExpiryState;
  /** "expires in 4 min", "expired", "no expiry" */
  text: string;
}

/** The main process refreshes a token that expires within this window (see OAuth2Auth.autoRefresh). */
const TOKEN_EXPIRING_MS = 60_000;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function remaining(ms: number): string {
  if (ms < MINUTE) return `${Math.max(1, Math.floor(ms / 1000))} s`;
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min`;
  if (ms < 2 * DAY) {
    const hours = Math.floor(ms / HOUR);
    const minutes = Math.floor((ms % HOUR) / MINUTE);
    return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
  }
  return `${Math.floor(ms / DAY)} days`;
}

/** `expiresAt` is epoch ms, null when the server gave no expires_in. Rounds down, so it never promises too much. */
export function describeTokenExpiry(expiresAt: number | null, now: number): TokenExpiry {
  if (expiresAt === null) return { state: 'none', text: 'no expiry' };
  const left = expiresAt - now;
  if (left <= 0) return { state: 'expired', text: 'expired' };
  return { state: left <= TOKEN_EXPIRING_MS ? 'expiring' : 'valid', text: `expires in ${remaining(left)}` };
}
