import type { WsMessage } from '../contract/websocket';

/**
 * Appends a batch to a capped list in place and trims the oldest once per batch (batches arrive at most about sixty
 * times a second, so the splice is paid per frame, not per message). Returns how many were dropped.
 */
export function appendCapped<T>(list: T[], incoming: readonly T[], cap: number): number {
  for (const message of incoming) list.push(message);
  if (list.length <= cap) return 0;
  const excess = list.length - cap;
  list.splice(0, excess);
  return excess;
}

/** The export file: one JSON document with the session's URL and every message as logged. */
export function exportLog(url: string, messages: readonly WsMessage[], exportedAt: number): string {
  return JSON.stringify(
    {
      url,
      exportedAt: new Date(exportedAt).toISOString(),
      messages: messages.map((message) => ({
        direction: message.direction,
        time: new Date(message.at).toISOString(),
        type: message.kind,
        opcode: message.opcode,
        size: message.size,
        ...(message.closeCode !== undefined ? { closeCode: message.closeCode } : {}),
        ...(message.text !== undefined ? { text: message.text } : {}),
        ...(message.dataBase64 !== undefined ? { base64: message.dataBase64 } : {}),
      })),
    },
    null,
    2,
  );
}

/** A close frame as one log line: "1000 normal closure — “bye”". */
export function describeCloseFrame(code: number, reason: string): string {
  return `${code} ${describeCloseCode(code)}${reason ? ` — “${reason}”` : ''}`;
}

/** "14:03:07.123": the log's time column. */
export function formatLogTime(at: number): string {
  const date = new Date(at);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/** Shown for a close code: what the number means (RFC 6455 §7.4.1 and the IANA registry). */
export function describeCloseCode(code: number): string {
  const known: Record<number, string> = {
    1000: 'normal closure',
    1001: 'going away',
    1002: 'protocol error',
    1003: 'unsupported data',
    1005: 'no status code',
    1006: 'connection lost without a close frame',
    1007: 'invalid message data',
    1008: 'policy violation',
    1009: 'message too big',
    1010: 'extension required',
    1011: 'server error',
    1012: 'service restart',
    1013: 'try again later',
    1014: 'bad gateway',
    1015: 'TLS handshake failed',
  };
  return known[code] ?? (code >= 4000 ? 'application-defined' : code >= 3000 ? 'registered by a library or framework' : 'unknown');
}
