import type { WsRequestSpec } from '../../shared/contract';

/**
 * The one place a WebSocket request is made ready before it connects: where {{variables}} are resolved and simple
 * auth applied, exactly as for an HTTP request. Issue 4's pipeline (shared/variables resolveRequestSpec and
 * shared/auth applySimpleAuth) takes over this body when the branches meet; until then the spec passes through
 * unchanged, so a WebSocket connects with what the user typed.
 */
export async function prepareWebSocketRequest(spec: WsRequestSpec): Promise<WsRequestSpec> {
  return spec;
}
