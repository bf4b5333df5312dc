import { DEFAULT_SETTINGS, type ContainerSettings, type HttpRequestSpec, type WsRequestSpec } from '../../shared/contract';
import { applyInheritance, inheritedLayers } from '../../shared/workspace';
import { refuseDigest, type RequestPreparer } from './prepare-request';

/** A saved request's collection and folders, from the collection down (the workspace service's inheritanceChain). */
export type InheritanceChain = (workspacePath: string) => Promise<readonly ContainerSettings[]>;

/**
 * A WebSocket handshake is an HTTP GET: it gets the same {{variables}} and auth as any request, through the same
 * preparer, and only the parts a handshake has are taken back, with the secret values it now carries. A request
 * saved in a collection (`workspacePath`) takes its collection's and folders' headers, auth and variables first,
 * exactly as http.send does.
 */
export function createWebSocketPreparer(prepare: RequestPreparer, inheritanceChain?: InheritanceChain) {
  return async (spec: WsRequestSpec, workspacePath?: string): Promise<{ spec: WsRequestSpec; secrets: string[] }> => {
    let asHttp: HttpRequestSpec = {
      method: 'GET',
      url: spec.url,
      params: spec.params,
      headers: spec.headers,
      body: { kind: 'none' },
      settings: { ...DEFAULT_SETTINGS },
      auth: spec.auth,
      variables: spec.variables,
    };
    const chain = workspacePath !== undefined && inheritanceChain ? await inheritanceChain(workspacePath) : [];
    asHttp = applyInheritance(asHttp, chain);
    refuseDigest(asHttp, 'WebSocket connections');
    const { spec: prepared, secrets } = await prepare(asHttp, inheritedLayers(chain));
    return { spec: { ...spec, url: prepared.url, params: prepared.params, headers: prepared.headers, auth: { kind: 'none' }, variables: [] }, secrets };
  };
}
