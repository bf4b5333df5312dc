export { WebSocketWorkspace } from './websocket-workspace';
export { RequestKindSwitch, type RequestKind } from './request-kind-switch';
