export { createWebSocketService } from './websocket-service';
export type { WebSocketService } from './websocket-service';
// for GraphQL subscriptions, which open WebSockets of their own and answer to the same host rules
export { guardedLookup, isRefusedLiteral, type RefusedAddress } from './guarded-lookup';
export { validateHandshakeHeaders } from './handshake-headers';
export { redactCourierError } from './redact-ws';
