export { base64ToBytes, bytesToBase64 } from './base64';
export { hexPreview, parseHexInput, type HexParse } from './hex-input';
export { filterMessages, isFilterActive, matchesFilter, NO_FILTER, type MessageFilter } from './message-filter';
export { appendCapped, describeCloseCode, describeCloseFrame, exportLog, formatLogTime } from './message-log';
export { countLabel } from './count-label';
export { impliedWebSocketScheme } from './connect-scheme';
export { parseTemplates, templateStorageKey, upsertTemplate, type MessageTemplate } from './templates';
export { buildWsSpec, createConnectionDraft, draftFromWsSpec, handshakeAsHttpRequest, sessionTitle, type ConnectionDraft } from './connection-draft';
