import { lazyNamed } from '../../ui';

// Mounted on first use of the WebSocket switch, so its code is loaded then too.
export const WebSocketWorkspace = lazyNamed(() => import('./websocket-workspace'), 'WebSocketWorkspace');
export { RequestKindSwitch, type RequestKind } from './request-kind-switch';
export { useWsRequestOpener } from './use-ws-request-opener';
export { useStoredWsSession } from './use-stored-ws-session';
