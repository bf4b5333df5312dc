import { lazyNamed } from '../../ui';

// Not on screen at start (the panel opens on demand, the views over a response): loaded on first use.
export const HistoryPanel = lazyNamed(() => import('./history-panel'), 'HistoryPanel');
export const HistoryEntryView = lazyNamed(() => import('./history-entry-view'), 'HistoryEntryView');
export const CompareView = lazyNamed(() => import('./compare-view'), 'CompareView');
export { AppNotices } from './app-notices';
export { useHistoryEvents } from './history-queries';
