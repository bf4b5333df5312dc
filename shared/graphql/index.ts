export * from './encode';
export * from './operations';
export * from './response';
export * from './schema-index';
export { introspectionQueryText } from './introspection-query';
