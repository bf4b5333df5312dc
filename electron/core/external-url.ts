/**
 * Only plain web links leave the app. A renderer that could open file:, javascript:, smb: or a custom scheme handler
 * through the OS would turn any HTML it displays into a way to launch local programs.
 * Returns the normalised URL to open, or null when it must be refused.
 */
export function parseExternalUrl(raw: string): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 8192) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '') return null;
  // Credentials in a link are a phishing device (https://bank.example@evil.example/), never something to open.
  if (url.username !== '' || url.password !== '') return null;
  return url.href;
}
