export { createSseParser, parseSseText, type SseParser } from './sse-parser';
export { isEventStream } from './is-event-stream';
