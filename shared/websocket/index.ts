// binary frames travel as base64 (the contract is JSON in web mode): the one base64 of shared/
export { base64FromBytes, base64ToBytes } from '../variables/base64';
export { hexPreview, parseHexInput } from './hex-input';
export { filterMessages, isFilterActive, matchesFilter, NO_FILTER, type MessageFilter } from './message-filter';
export { appendCapped, describeCloseCode, describeCloseFrame, exportLog, formatLogTime } from './message-log';
export { countLabel } from './count-label';
export { impliedWebSocketScheme } from './connect-scheme';
export { parseTemplates, templateStorageKey, upsertTemplate, type MessageTemplate } from './templates';
export {
  buildWsSpec,
  createConnectionDraft,
  distinctTitles,
  draftFromWsSpec,
  handshakeAsHttpRequest,
  sessionTitle,
  type ConnectionDraft,
} from './connection-draft';
