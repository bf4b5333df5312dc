// What the renderer needs at start (tabs, tree, inheritance) and the layout's names. The file formats' readers and
// writers validate with zod schemas: they are in ./files, so importing this does not load zod.
export * from './slug';
export * from './layout';
export * from './inheritance';
export * from './tabs';
export * from './tab-label';
export * from './tree-view';
export { withoutFileBytes } from './file-bytes';
export * from './tab-shortcuts';
export { NEWER_FORMAT_WORDS } from './format-upgrades';
