import { z } from 'zod';
import { ERROR_CODES } from './error-codes';
import { scriptConsoleLineSchema } from './scripts';

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
  /**
   * SCRIPT_FAILED from a pre-request script: what the scripts printed before it failed, masked, so the Console still
   * explains the failure (there is no exchange to carry it)
   */
  scriptConsole: z.array(scriptConsoleLineSchema).optional(),
});
export type BridgeError = z.infer<typeof bridgeErrorSchema>;
