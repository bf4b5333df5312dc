import { CourierError, fail, ok, type Result } from './errors';
import { isMethodName, methods, type MethodInput, type MethodName, type MethodOutput } from './methods';

/** What a host needs from the services: one async function per contract method. */
export type MethodHandlers = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>>;
};

/**
 * The one path every call takes in every host: name check, input validation, the handler, and conversion of any
 * failure into a typed error. Nothing thrown inside a service reaches a caller as a raw message or stack trace.
 */
export async function dispatch(
  handlers: MethodHandlers,
  method: unknown,
  rawInput: unknown,
  onInternalError?: (error: unknown) => void,
): Promise<Result<unknown>> {
  if (!isMethodName(method)) {
    return fail('UNKNOWN_METHOD', 'The app asked for something the main process does not offer.', String(method).slice(0, 100));
  }
  const parsed = methods[method].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? first.path.join('.') : 'input';
    return fail('INVALID_INPUT', `Invalid ${where}: ${first?.message ?? 'not accepted'}.`, method);
  }
  try {
    const handler = handlers[method] as (input: unknown) => Promise<unknown>;
    return ok(await handler(parsed.data));
  } catch (error) {
    if (error instanceof CourierError) return { ok: false, error: error.toBridgeError() };
    onInternalError?.(error);
    return fail('INTERNAL', 'Something went wrong inside Courier. The request was not completed.');
  }
}
