export * from './errors';
export * from './http';
export * from './methods';
export * from './dispatch';
export * from './bridge-api';
export * from './web-protocol';
export * from './history';
