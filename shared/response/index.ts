export { statusInfo, statusClassOf, type StatusInfo, type StatusClass } from './status';
export { explainHeader } from './headers';
export { classifyContentType, decideBodyKind, editorLanguageFor, looksBinary, mediaTypeOf, type BodyKind } from './content-type';
export { hexDump, hexDumpRow, hexRowCount, HEX_BYTES_PER_ROW } from './hex-dump';
export { formatBytes, formatDuration, formatProgress } from './format';
export { prettyJson, reindentJsonChunks, type PrettyJsonResult } from './json-format';
export { waterfallSegments, type WaterfallInput, type WaterfallPhase, type WaterfallSegment } from './waterfall';
export { formatHeaderLines, formatRedirectHop, type RawHop } from './raw-exchange';
export { errorAdvice } from './error-advice';
