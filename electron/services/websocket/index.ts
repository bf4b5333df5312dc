export { createWebSocketService } from './websocket-service';
export type { WebSocketService, WebSocketServiceOptions } from './websocket-service';
