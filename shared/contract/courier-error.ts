import type { ErrorCode } from './error-codes';
import type { BridgeError } from './errors';
import type { ScriptConsoleLine } from './scripts';

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
  /** what a failed pre-request script printed before it failed (masked), for the Console */
  readonly scriptConsole: readonly ScriptConsoleLine[];
  constructor(code: ErrorCode, message: string, detail?: string, scriptConsole: readonly ScriptConsoleLine[] = []) {
    super(message);
    this.name = 'CourierError';
    this.code = code;
    this.detail = detail;
    this.scriptConsole = scriptConsole;
  }
  toBridgeError(): BridgeError {
    return {
      code: this.code,
      message: this.message,
      ...(this.detail === undefined ? {} : { detail: this.detail }),
      ...(this.scriptConsole.length === 0 ? {} : { scriptConsole: [...this.scriptConsole] }),
    };
  }
}

export function isCourierError(value: unknown): value is CourierError {
  return value instanceof CourierError;
}
