export { createBodyStore } from './body-store';
export type { BodyMeta, BodyStore, BodyStoreOptions, BodyWriter } from './body-store';
