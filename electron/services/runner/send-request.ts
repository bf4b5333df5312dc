import {
  dispatch,
  VARIABLE_NAME,
  type HttpExchange,
  type HttpRequestSpec,
  type MethodHandlers,
  type RequestSettings,
  type SendIteration,
} from '../../../shared/contract';

export type SendOutcome = { ok: true; exchange: HttpExchange } | { ok: false; error: { code: string; message: string } };

/**
 * The run's values go into the request's own variable scope, under the request's own variables: that is the one
 * scope that lives for a single send, so a data row's {{column}} resolves for its iteration only and nothing is
 * written anywhere. It ranks above environment, collection and global, like Postman's data variables.
 */
export function withRunValues(spec: HttpRequestSpec, values: Readonly<Record<string, string>>, settings: Partial<RequestSettings>): HttpRequestSpec {
  const own = new Set(spec.variables.filter((variable) => variable.enabled).map((variable) => variable.name));
  const added = Object.entries(values)
    .filter(([name]) => !own.has(name) && VARIABLE_NAME.test(name))
    .map(([name, value]) => ({ name, value, enabled: true }));
  return { ...spec, variables: [...spec.variables, ...added], settings: { ...spec.settings, ...settings } };
}

/** One http.send through the contract, exactly as a window's Send goes; the body is released at once (a run keeps none). */
export async function sendThroughContract(
  handlers: MethodHandlers,
  requestId: string,
  request: HttpRequestSpec,
  workspacePath: string,
  iteration: SendIteration,
): Promise<SendOutcome> {
  const result = await dispatch(handlers, 'http.send', { requestId, request, workspacePath, iteration });
  if (!result.ok) return { ok: false, error: { code: result.error.code, message: result.error.message } };
  const exchange = result.value as HttpExchange;
  await dispatch(handlers, 'body.release', { bodyId: exchange.body.id });
  return { ok: true, exchange };
}
