import type { SseEvent } from '../contract/sse';

interface SseParser {
  /** Feeds decoded text (any chunking, even mid-line or between CR and LF); returns the events it completed. */
  push(text: string): SseEvent[];
  /** End of stream: an event without its closing blank line is discarded, as the WHATWG spec says. */
  end(): SseEvent[];
  /** events dispatched so far */
  readonly count: number;
}

/**
 * An incremental text/event-stream parser following WHATWG HTML §9.2.6 ("Interpreting an event stream"):
 * CRLF, LF or CR end a line; a leading BOM is dropped; ':' lines are comments; one space after the colon is
 * removed; `data` lines join with LF; `id` containing NUL is ignored and persists across events; `retry` counts
 * only when it is all ASCII digits; a block with no data dispatches nothing.
 */
export function createSseParser(): SseParser {
  let buffer = '';
  let started = false;
  // A CR ended the previous chunk: a LF at the start of the next one belongs to it.
  let pendingCr = false;
  let data: string[] = [];
  let eventType = '';
  let lastEventId = '';
  let retry: number | null = null;
  let count = 0;

  const processLine = (line: string, out: SseEvent[]): void => {
    if (line === '') {
      if (data.length > 0) {
        out.push({ index: count, event: eventType === '' ? 'message' : eventType, id: lastEventId, data: data.join('\n'), retry });
        count += 1;
      }
      data = [];
      eventType = '';
      retry = null;
      return;
    }
    if (line.charCodeAt(0) === 0x3a) return;
    const colon = line.indexOf(':');
    let field: string;
    let value: string;
    if (colon === -1) {
      field = line;
      value = '';
    } else {
      field = line.slice(0, colon);
      value = line.charCodeAt(colon + 1) === 0x20 ? line.slice(colon + 2) : line.slice(colon + 1);
    }
    switch (field) {
      case 'data':
        data.push(value);
        break;
      case 'event':
        eventType = value;
        break;
      case 'id':
        if (!value.includes('\0')) lastEventId = value;
        break;
      case 'retry':
        if (/^[0-9]+$/.test(value)) retry = Number(value);
        break;
      default:
        // unknown fields are ignored
        break;
    }
  };

  const push = (text: string): SseEvent[] => {
    const out: SseEvent[] = [];
    let chunk = text;
    if (!started && chunk.length > 0) {
      started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    if (pendingCr && chunk.length > 0) {
      pendingCr = false;
      if (chunk.charCodeAt(0) === 0x0a) chunk = chunk.slice(1);
    }
    buffer += chunk;
    let start = 0;
    const length = buffer.length;
    for (let i = 0; i < length; i++) {
      const code = buffer.charCodeAt(i);
      if (code !== 0x0a && code !== 0x0d) continue;
      processLine(buffer.slice(start, i), out);
      if (code === 0x0d) {
        if (i + 1 < length) {
          if (buffer.charCodeAt(i + 1) === 0x0a) i += 1;
        } else {
          pendingCr = true;
        }
      }
      start = i + 1;
    }
    buffer = start === 0 ? buffer : buffer.slice(start);
    return out;
  };

  return {
    push,
    end() {
      // The last line, if unterminated, is a partial line of an event that never completed: discard both.
      buffer = '';
      data = [];
      eventType = '';
      retry = null;
      return [];
    },
    get count() {
      return count;
    },
  };
}

/** Parses a whole stored body (history, a finished response) in one go. */
export function parseSseText(text: string): SseEvent[] {
  const parser = createSseParser();
  return [...parser.push(text), ...parser.end()];
}
