// The workspace's file formats: reading and writing request, WebSocket and container files (zod-validated).
export * from './request-file';
export * from './websocket-file';
