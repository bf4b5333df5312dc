export { createSseParser } from './sse-parser';
export { isEventStream } from './is-event-stream';
