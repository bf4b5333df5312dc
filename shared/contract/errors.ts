import { z } from 'zod';
import { ERROR_CODES } from './error-codes';

export { ERROR_CODES } from './error-codes';
export { CourierError, fail, isCourierError, ok, type Result } from './courier-error';

export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const bridgeErrorSchema = z.object({
  code: errorCodeSchema,
  /** Written for the person using the app: what happened and, where possible, what to do. */
  message: z.string(),
  /** Technical detail (an OS error code, the offending header name); never a stack trace. */
  detail: z.string().optional(),
});
export type BridgeError = z.infer<typeof bridgeErrorSchema>;

