/**
 * The one Content-Security-Policy both hosts send with the renderer. No 'unsafe-eval' and no inline script: the
 * renderer is a bundled app and Monaco runs without eval. Styles allow inline because Monaco and React set style
 * attributes at run time; workers and frames may come from blob: because Monaco's workers and the response preview
 * (an HTML body shown in a sandboxed frame) are created that way. connect-src 'self' covers the web-mode WebSocket
 * (same host and port), and nothing else: the renderer never talks to the network itself, the main process does.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
