import type { BridgeError } from './errors';
import type { ScriptConsoleLine } from './scripts';
import { ERROR_CODES, type ErrorCode } from './error-codes';
import type { WebReply } from './web-protocol';

/**
 * webReplySchema's check, written by hand: the renderer reads every message from the web host through this, and
 * importing the schema would load zod and build the whole contract before the first paint. web-reply.test.ts holds
 * the two to the same answers (accepted or refused, and the same value out) on valid and hostile envelopes.
 */

const CODES: ReadonlySet<string> = new Set(ERROR_CODES);

type Fields = { [key: string]: unknown };

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

const CONSOLE_LEVELS: ReadonlySet<string> = new Set(['log', 'info', 'warn', 'error', 'debug']);

/** scriptConsoleLineSchema by hand: level, text and origin (≤ 300 characters), nothing else kept */
function consoleLines(value: unknown): ScriptConsoleLine[] | null {
  if (!Array.isArray(value)) return null;
  const lines: ScriptConsoleLine[] = [];
  for (const line of value as unknown[]) {
    if (!isObject(line) || typeof line.level !== 'string' || !CONSOLE_LEVELS.has(line.level)) return null;
    if (typeof line.text !== 'string' || typeof line.origin !== 'string' || line.origin.length > 300) return null;
    lines.push({ level: line.level as ScriptConsoleLine['level'], text: line.text, origin: line.origin });
  }
  return lines;
}

function bridgeError(value: unknown): BridgeError | null {
  if (!isObject(value) || typeof value.code !== 'string' || !CODES.has(value.code) || typeof value.message !== 'string') return null;
  if (value.detail !== undefined && typeof value.detail !== 'string') return null;
  const error: BridgeError = { code: value.code as ErrorCode, message: value.message };
  if ('detail' in value) error.detail = value.detail as string | undefined;
  if (value.scriptConsole !== undefined) {
    const lines = consoleLines(value.scriptConsole);
    if (!lines) return null;
    error.scriptConsole = lines;
  } else if ('scriptConsole' in value) error.scriptConsole = undefined;
  return error;
}

function result(value: unknown): Extract<WebReply, { type: 'result' }>['result'] | null {
  if (!isObject(value)) return null;
  // zod refuses a missing `value` (an unknown() key must be present), though it may hold anything
  if (value.ok === true) return 'value' in value ? { ok: true, value: value.value } : null;
  if (value.ok !== false) return null;
  const error = bridgeError(value.error);
  return error ? { ok: false, error } : null;
}

/** A parsed JSON message from the web host as a reply, or null when it is not one (it is then ignored). */
export function parseWebReply(message: unknown): WebReply | null {
  if (!isObject(message)) return null;
  if (message.type === 'result') {
    if (!isNumber(message.id)) return null;
    const checked = result(message.result);
    return checked ? { type: 'result', id: message.id, result: checked } : null;
  }
  if (message.type === 'event') {
    if (typeof message.event !== 'string') return null;
    return 'payload' in message ? { type: 'event', event: message.event, payload: message.payload } : null;
  }
  return null;
}
