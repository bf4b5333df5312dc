import { DEFAULT_SETTINGS, type HttpRequestSpec, type WsRequestSpec } from '../../shared/contract';
import { refuseDigest, type RequestPreparer } from './prepare-request';

/**
 * A WebSocket handshake is an HTTP GET: it gets the same {{variables}} and auth as any request, through the same
 * preparer, and only the parts a handshake has are taken back, with the secret values it now carries.
 */
export function createWebSocketPreparer(prepare: RequestPreparer) {
  return async (spec: WsRequestSpec): Promise<{ spec: WsRequestSpec; secrets: string[] }> => {
    const asHttp: HttpRequestSpec = {
      method: 'GET',
      url: spec.url,
      params: spec.params,
      headers: spec.headers,
      body: { kind: 'none' },
      settings: { ...DEFAULT_SETTINGS },
      auth: spec.auth,
      variables: spec.variables,
    };
    refuseDigest(asHttp, 'WebSocket connections');
    const { spec: prepared, secrets } = await prepare(asHttp);
    return { spec: { ...spec, url: prepared.url, params: prepared.params, headers: prepared.headers, auth: { kind: 'none' }, variables: [] }, secrets };
  };
}
