export { createBodyStore } from './body-store';
export type { BodyStore, BodyStoreOptions, BodyWriter } from './body-store';
