export { CollectionsPanel } from './collections-panel';
export { RequestTabsBar } from './request-tabs-bar';
export { useRequestTabs, type RequestTabs } from './use-request-tabs';
export { useInheritedLayers } from './use-inherited-layers';
export { useRevealInTree, type TreeReveal } from './use-reveal-in-tree';
