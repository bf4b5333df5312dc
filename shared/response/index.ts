export { statusInfo } from './status';
export { explainHeader } from './headers';
export { decideBodyKind, editorLanguageFor, jsonSequenceOf, looksBinary, textDecoderFor, type BodyKind } from './content-type';
export { hexDump, hexDumpRow, hexRowCount, HEX_BYTES_PER_ROW } from './hex-dump';
export { formatBytes, formatDuration, formatProgress } from './format';
export { prettyBudgetFor, prettyJson, reindentJsonChunks } from './json-format';
export {
  formatJsonSequence,
  jsonLinesSentAsJson,
  recordCountText,
  recordProblemsText,
  type FormattedJsonSequence,
  type JsonSequenceSummary,
} from './json-sequence';
export { previewLines } from './preview-text';
export { waterfallSegments } from './waterfall';
export { formatRedirectHop } from './raw-exchange';
export { suggestedFileName } from './file-name';
export { errorForPeople, looksInternal } from './error-text';
