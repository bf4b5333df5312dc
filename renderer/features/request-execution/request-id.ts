/**
 * A fresh id for one send, matching the contract's /^[A-Za-z0-9_-]+$/. randomUUID needs a secure context, which
 * both hosts give us (Electron's app page and the loopback web page); the fallback keeps odd embeddings working.
 */
export function createRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
