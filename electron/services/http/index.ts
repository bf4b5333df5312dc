export { createHttpEngine } from './engine';
export type { HttpEngine, HttpEngineOptions, SendOptions } from './engine';
export type { SensitiveParts } from './redirects';
export { encodeRequestBody } from './request-body';
export { tlsVerificationError } from './errors';
// the WebSocket handshake's headers are checked by the same rule
export { composeRequest, validateHeader } from './compose-request';
