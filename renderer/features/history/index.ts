export { HistoryPanel } from './history-panel';
export { HistoryEntryView } from './history-entry-view';
export { CompareView } from './compare-view';
export { AppNotices } from './app-notices';
export { useHistoryEvents } from './history-queries';
