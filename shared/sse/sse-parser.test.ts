import { describe, expect, it } from 'vitest';
import { createSseParser, parseSseText } from './sse-parser';
import { isEventStream } from './is-event-stream';

const pick = (events: ReturnType<typeof parseSseText>) => events.map(({ event, id, data, retry }) => ({ event, id, data, retry }));

describe('SSE parser', () => {
  it('dispatches data on a blank line with the default type', () => {
    expect(pick(parseSseText('data: hello\n\n'))).toEqual([{ event: 'message', id: '', data: 'hello', retry: null }]);
  });

  it('joins multi-line data with LF and drops only one leading space', () => {
    expect(parseSseText('data:  two spaces\ndata:none\ndata\n\n')[0]?.data).toBe(' two spaces\nnone\n');
  });

  it('accepts CRLF, CR and LF line endings, mixed', () => {
    const events = parseSseText('data: a\r\n\r\ndata: b\r\rdata: c\n\n');
    expect(events.map((e) => e.data)).toEqual(['a', 'b', 'c']);
  });

  it('ignores comments and unknown fields', () => {
    expect(pick(parseSseText(': keep-alive\nfoo: bar\ndata: x\n\n'))).toEqual([{ event: 'message', id: '', data: 'x', retry: null }]);
  });

  it('names events, keeps the last id across events and ignores ids with NUL', () => {
    const events = parseSseText('event: tick\nid: 7\ndata: 1\n\ndata: 2\n\nid: bad\0id\ndata: 3\n\nid\ndata: 4\n\n');
    expect(events.map((e) => [e.event, e.id])).toEqual([
      ['tick', '7'],
      ['message', '7'],
      ['message', '7'],
      ['message', ''],
    ]);
  });

  it('takes retry only when it is all digits', () => {
    const events = parseSseText('retry: 3000\ndata: a\n\nretry: 12x\ndata: b\n\n');
    expect(events.map((e) => e.retry)).toEqual([3000, null]);
  });

  it('dispatches nothing for a block without data, and resets the event type after it', () => {
    expect(pick(parseSseText('event: lonely\n\ndata: x\n\n'))).toEqual([{ event: 'message', id: '', data: 'x', retry: null }]);
  });

  it('drops a leading BOM once', () => {
    expect(parseSseText('\uFEFFdata: a\n\n')[0]?.data).toBe('a');
    const parser = createSseParser();
    parser.push('\uFEFF');
    expect(parser.push('\uFEFFdata: b\n\n')).toEqual([]);
  });

  it('discards an unterminated event at end of stream', () => {
    const parser = createSseParser();
    expect(parser.push('data: done\n\ndata: partial\n')).toHaveLength(1);
    expect(parser.end()).toEqual([]);
  });

  it('gives the same events whatever the chunk boundaries, CR/LF split included', () => {
    const text = '\uFEFF: hi\r\nevent: a\r\nid: 1\r\ndata: {"x":1}\r\ndata: second\r\n\r\nretry: 10\rdata: é😀\r\rdata: end\n\n';
    const whole = parseSseText(text);
    expect(whole).toHaveLength(3);
    for (let size = 1; size <= 7; size++) {
      const parser = createSseParser();
      const events = [];
      for (let i = 0; i < text.length; i += size) events.push(...parser.push(text.slice(i, i + size)));
      events.push(...parser.end());
      expect(events).toEqual(whole);
    }
    // A split exactly between CR and LF must not create an empty line (which would dispatch early).
    const parser = createSseParser();
    expect(parser.push('data: a\r')).toEqual([]);
    expect(parser.push('\ndata: b\n\n').map((e) => e.data)).toEqual(['a\nb']);
  });

  it('numbers events in order', () => {
    expect(parseSseText('data: a\n\ndata: b\n\n').map((e) => e.index)).toEqual([0, 1]);
  });
});

describe('isEventStream', () => {
  it('matches the media type whatever the parameters', () => {
    expect(isEventStream('text/event-stream')).toBe(true);
    expect(isEventStream('Text/Event-Stream; charset=utf-8')).toBe(true);
    expect(isEventStream('text/plain')).toBe(false);
    expect(isEventStream(null)).toBe(false);
  });
});
