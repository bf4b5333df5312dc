import type { HttpRequestSpec } from '../../shared/contract';

/**
 * The seam where a subscription's connect request gets what http.send requests get in the main process (variables
 * resolved, auth applied). Returns the request unchanged until that lands; replace the body, not the callers.
 */
export async function prepareGraphqlSubscription(request: HttpRequestSpec): Promise<HttpRequestSpec> {
  return request;
}
