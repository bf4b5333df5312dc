export * from './slug';
export * from './layout';
export * from './request-file';
export * from './inheritance';
export * from './tabs';
export * from './tab-label';
export * from './tree-view';
export * from './websocket-file';
