export { createBodyStore } from './body-store';
export type { BodyStore, BodyWriter } from './body-store';
