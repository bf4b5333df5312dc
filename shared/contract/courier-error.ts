import type { ErrorCode } from './error-codes';
import type { BridgeError } from './errors';

// Zod-free, so the renderer and shared logic can throw and return bridge errors without loading the schemas.

export type Result<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, detail?: string): { ok: false; error: BridgeError } {
  return { ok: false, error: detail === undefined ? { code, message } : { code, message, detail } };
}

/** A thrown error that carries a bridge error code; services throw it, hosts turn it into a Result. */
export class CourierError extends Error {
  readonly code: ErrorCode;
  readonly detail: string | undefined;
  constructor(code: ErrorCode, message: string, detail?: string) {
    super(message);
    this.name = 'CourierError';
    this.code = code;
    this.detail = detail;
  }
  toBridgeError(): BridgeError {
    return this.detail === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, detail: this.detail };
  }
}

export function isCourierError(value: unknown): value is CourierError {
  return value instanceof CourierError;
}
