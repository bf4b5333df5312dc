export { createHistoryService } from './history-service';
export type { HistoryService, HistoryServiceOptions, RecordInput } from './history-service';
export { bufferSource, type BodySource } from './blob-store';
