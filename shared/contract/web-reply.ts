import type { BridgeError } from './errors';
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

function bridgeError(value: unknown): BridgeError | null {
  if (!isObject(value) || typeof value.code !== 'string' || !CODES.has(value.code) || typeof value.message !== 'string') return null;
  if (value.detail !== undefined && typeof value.detail !== 'string') return null;
  const code = value.code as ErrorCode;
  return 'detail' in value ? { code, message: value.message, detail: value.detail as string | undefined } : { code, message: value.message };
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
