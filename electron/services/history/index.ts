export { createHistoryService, HISTORY_BODY_PREFIX } from './history-service';
export type { HistoryService, HistoryServiceOptions, RecordInput } from './history-service';
export { bufferSource, type BodySource } from './blob-store';
export { INDEXED_BODY_BYTES } from './search-text';
