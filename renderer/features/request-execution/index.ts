export { useTabExecutionState } from './use-execution-store';
export { useRequestPane } from './use-request-pane';
export { ResponsePane } from './response-pane';
export { TabSendingMark } from './tab-sending-mark';
export { useStoredResponses } from './use-stored-responses';
