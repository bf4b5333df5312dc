/**
 * The WebSocket scheme an http(s):// URL is connected with (the service switches it, as browsers do), or null when
 * the URL already says ws:// or wss:// or says nothing yet. Lets the bar say so instead of leaving "WS" beside http://.
 */
export function impliedWebSocketScheme(url: string): 'ws://' | 'wss://' | null {
  const scheme = /^\s*(https?):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'http') return 'ws://';
  if (scheme === 'https') return 'wss://';
  return null;
}
