import { describe, expect, it } from 'vitest';
import type { WsMessage } from '../contract/websocket';
import {
  appendCapped,
  base64ToBytes,
  base64FromBytes,
  describeCloseCode,
  exportLog,
  filterMessages,
  hexPreview,
  parseHexInput,
  parseTemplates,
  templateStorageKey,
  upsertTemplate,
} from './index';

const msg = (seq: number, over: Partial<WsMessage> = {}): WsMessage => ({
  seq,
  direction: 'received',
  at: 0,
  kind: 'text',
  opcode: 1,
  size: 1,
  text: `m${seq}`,
  ...over,
});

describe('base64', () => {
  it('round-trips every length', () => {
    for (let n = 0; n < 10; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 13) & 0xff);
      const text = base64FromBytes(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(Array.from(base64ToBytes(text))).toEqual(Array.from(bytes));
    }
  });
});

describe('hex input', () => {
  it('accepts the usual spellings', () => {
    for (const text of ['de ad be ef', '0xDE,0xAD,0xBE,0xEF', 'de:ad:be:ef', 'deadbeef', ' DEAD\nBEEF ']) {
      const parsed = parseHexInput(text);
      expect(parsed.ok && Array.from(parsed.bytes)).toEqual([0xde, 0xad, 0xbe, 0xef]);
    }
    const single = parseHexInput('1 2 ff');
    expect(single.ok && Array.from(single.bytes)).toEqual([1, 2, 255]);
  });

  it('refuses what is not hex, saying why', () => {
    expect(parseHexInput('zz')).toEqual({ ok: false, message: expect.stringContaining('"z" is not a hex digit') });
    expect(parseHexInput('abc')).toEqual({ ok: false, message: expect.stringContaining('odd number') });
  });

  it('previews bytes briefly', () => {
    expect(hexPreview(Uint8Array.from([0, 255]))).toBe('00 ff');
    expect(hexPreview(new Uint8Array(30), 2)).toBe('00 00 …');
  });
});

describe('message log', () => {
  it('filters by direction, type and text', () => {
    const list = [
      msg(1),
      msg(2, { direction: 'sent', text: 'Hello' }),
      msg(3, { kind: 'binary', opcode: 2, text: undefined }),
      msg(4, { kind: 'pong', opcode: 10, text: undefined }),
    ];
    expect(filterMessages(list, { direction: 'sent', kind: 'all', search: '' }).map((m) => m.seq)).toEqual([2]);
    expect(filterMessages(list, { direction: 'all', kind: 'binary', search: '' }).map((m) => m.seq)).toEqual([3]);
    expect(filterMessages(list, { direction: 'all', kind: 'control', search: '' }).map((m) => m.seq)).toEqual([4]);
    expect(filterMessages(list, { direction: 'all', kind: 'all', search: 'hel' }).map((m) => m.seq)).toEqual([2]);
    expect(filterMessages(list, { direction: 'all', kind: 'all', search: ' ' })).toBe(list);
  });

  it('caps the list, dropping the oldest', () => {
    const list: WsMessage[] = [];
    let dropped = 0;
    for (let i = 0; i < 50; i++)
      dropped += appendCapped(
        list,
        Array.from({ length: 100 }, (_, j) => msg(i * 100 + j)),
        1000,
      );
    expect(list).toHaveLength(1000);
    expect(dropped).toBe(4000);
    expect(list[0]?.seq).toBe(4000);
  });

  it('exports JSON with time, type, opcode, size and payload', () => {
    const parsed = JSON.parse(
      exportLog('ws://x', [msg(1, { at: Date.UTC(2026, 0, 1) }), msg(2, { kind: 'binary', opcode: 2, text: undefined, dataBase64: 'AQ==' })], 0),
    );
    expect(parsed.url).toBe('ws://x');
    expect(parsed.messages[0]).toEqual({ direction: 'received', time: '2026-01-01T00:00:00.000Z', type: 'text', opcode: 1, size: 1, text: 'm1' });
    expect(parsed.messages[1].base64).toBe('AQ==');
  });

  it('explains close codes', () => {
    expect(describeCloseCode(1006)).toContain('without a close frame');
    expect(describeCloseCode(4001)).toBe('application-defined');
  });
});

describe('templates', () => {
  it('replaces by name and keeps names in order', () => {
    let list = upsertTemplate([], { name: 'b', kind: 'text', body: '1' });
    list = upsertTemplate(list, { name: 'a', kind: 'json', body: '{}' });
    list = upsertTemplate(list, { name: 'b', kind: 'text', body: '2' });
    expect(list).toEqual([
      { name: 'a', kind: 'json', body: '{}' },
      { name: 'b', kind: 'text', body: '2' },
    ]);
  });

  it('reads only well-formed stored templates', () => {
    expect(parseTemplates('not json')).toEqual([]);
    expect(parseTemplates('[{"name":"x","kind":"text","body":"y"},{"name":1}]')).toEqual([{ name: 'x', kind: 'text', body: 'y' }]);
  });

  it('keys templates by the URL without its query', () => {
    expect(templateStorageKey(' ws://h/p?token=1#x ')).toBe('courier.ws.templates:ws://h/p');
  });
});

describe('connection draft', () => {
  it('builds a spec from non-blank rows and a subprotocol list', async () => {
    const { buildWsSpec, createConnectionDraft, sessionTitle } = await import('./connection-draft');
    const draft = createConnectionDraft(' ws://h/p ');
    draft.headers = [
      { id: '1', name: 'X', value: '1', enabled: false },
      { id: '2', name: '', value: '', enabled: true },
    ];
    draft.subprotocols = ' a, ,b ';
    const spec = buildWsSpec(draft);
    expect(spec.url).toBe('ws://h/p');
    expect(spec.headers).toEqual([{ name: 'X', value: '1', enabled: false }]);
    expect(spec.subprotocols).toEqual(['a', 'b']);
    expect(sessionTitle('wss://echo.example.com/socket?x=1')).toBe('echo.example.com/socket');
    expect(sessionTitle('')).toBe('New connection');
  });

  it('tells tabs with the same title apart by a count, in tab order', async () => {
    const { distinctTitles } = await import('./connection-draft');
    expect(distinctTitles(['h:1/feed', 'New connection', 'h:1/feed', 'h:2/feed', 'h:1/feed', 'New connection'])).toEqual([
      'h:1/feed',
      'New connection',
      'h:1/feed (2)',
      'h:2/feed',
      'h:1/feed (3)',
      'New connection (2)',
    ]);
  });

  it('carries the handshake auth, and shows the handshake as an HTTP GET for the OAuth token box', async () => {
    const { buildWsSpec, createConnectionDraft, handshakeAsHttpRequest } = await import('./connection-draft');
    const draft = createConnectionDraft('wss://h/p');
    expect(buildWsSpec(draft).auth).toEqual({ kind: 'none' });
    draft.auth = { kind: 'bearer', token: '{{token}}', prefix: 'Bearer' };
    expect(buildWsSpec(draft).auth).toEqual(draft.auth);
    const asHttp = handshakeAsHttpRequest(draft);
    expect(asHttp.method).toBe('GET');
    expect(asHttp.url).toBe('wss://h/p');
    expect(asHttp.auth).toEqual(draft.auth);
  });
});

describe('a saved WebSocket request back in the form', () => {
  it('fills URL, rows (one blank row to type into), subprotocols, settings and auth, and builds the same spec back', async () => {
    const { buildWsSpec, draftFromWsSpec } = await import('./connection-draft');
    const { wsRequestSpecSchema } = await import('../contract/websocket');
    const spec = wsRequestSpecSchema.parse({
      url: 'ws://h/p',
      headers: [
        { name: 'X-Team', value: 'blue' },
        { name: 'X-Off', value: '1', enabled: false },
      ],
      subprotocols: ['a', 'b'],
      settings: { logCap: 50 },
      auth: { kind: 'bearer', token: '{{t}}' },
    });
    const draft = draftFromWsSpec(spec);
    expect(draft.subprotocols).toBe('a, b');
    expect(draft.headers).toHaveLength(3);
    expect(draft.params).toHaveLength(1);
    expect(wsRequestSpecSchema.parse(buildWsSpec(draft))).toEqual(spec);
  });
});

describe('counts and close frames', () => {
  it('pluralises counts: one is singular, everything else plural', async () => {
    const { countLabel } = await import('./index');
    expect(countLabel(0, 'message')).toBe('0 messages');
    expect(countLabel(1, 'message')).toBe('1 message');
    expect(countLabel(12_000, 'event')).toBe('12,000 events');
  });

  it('describes a close frame as one log line and keeps it under the control filter and in the export', async () => {
    const { describeCloseFrame, matchesFilter, exportLog } = await import('./index');
    expect(describeCloseFrame(1000, 'bye')).toBe('1000 normal closure — “bye”');
    expect(describeCloseFrame(4001, '')).toBe('4001 application-defined');
    const close = { seq: 3, direction: 'received' as const, at: 0, kind: 'close' as const, opcode: 8, size: 5, text: 'bye', closeCode: 1000 };
    expect(matchesFilter(close, { direction: 'all', kind: 'control', search: '' })).toBe(true);
    expect(JSON.parse(exportLog('ws://x', [close], 0)).messages[0]).toMatchObject({ type: 'close', closeCode: 1000, text: 'bye' });
  });
});
