export { createHttpEngine } from './engine';
export type { HttpEngine, HttpEngineOptions } from './engine';
export type { ResolveHost } from './connector';
export { encodeRequestBody } from './request-body';
export { tlsVerificationError } from './errors';
