import { lazyNamed } from '../../ui';

// The tree arrives a moment after the request line: the URL bar is where a session starts, so it paints first.
export const CollectionsPanel = lazyNamed(() => import('./collections-panel'), 'CollectionsPanel');
export { RequestTabsBar } from './request-tabs-bar';
export { useRequestTabs } from './use-request-tabs';
export { useInheritedAuth, useInheritedLayers, useReadInheritanceChain } from './use-inherited-layers';
export { useRevealInTree } from './use-reveal-in-tree';
// For the WebSocket view's "Save as" (WebSocket requests are saved in collections too).
export { SaveAsDialog } from './save-as-dialog';
export { saveIntoTarget } from './save-into-target';
export { useWorkspaceTree } from './workspace-queries';
