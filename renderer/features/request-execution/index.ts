export { createExecutionStore, type ExecutionStore, type ExecutionStoreDeps } from './execution-store';
export { useExecutionStore, useTabExecutionState, useTabResponseSection } from './use-execution-store';
export { useRequestPane, type PaneOverlay, type RequestPane } from './use-request-pane';
export { ResponsePane } from './response-pane';
export { TabSendingMark } from './tab-sending-mark';
export { showHistoryResponse, useStoredResponses } from './use-stored-responses';
