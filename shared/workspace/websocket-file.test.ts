import { describe, expect, it } from 'vitest';
import { wsRequestSpecSchema, type WsRequestSpecInput } from '../contract/websocket';
import { movedPath } from './layout';
import { parseRequest, serializeRequest } from './request-file';
import { parseRequestFile, parseWebSocketRequest, serializeWebSocketRequest } from './websocket-file';
import { httpRequestSpecSchema } from '../contract/http';

const ws = (input: Partial<WsRequestSpecInput> = {}) => wsRequestSpecSchema.parse({ url: 'ws://127.0.0.1:9/chat', ...input });

describe('WebSocket request files', () => {
  it('round-trips URL, headers, subprotocols, settings and saved messages, defaults left out, in a fixed key order', () => {
    const request = ws({
      params: [{ name: 'room', value: '7' }],
      headers: [
        { name: 'X-Team', value: 'blue' },
        { name: 'X-Off', value: '1', enabled: false },
      ],
      subprotocols: ['chat.v2', 'chat.v1'],
      settings: { autoReconnect: true, logCap: 500 },
      auth: { kind: 'bearer', token: '{{token}}' },
    });
    const messages = [
      { name: 'hello', kind: 'text' as const, body: 'hi there' },
      { name: 'join', kind: 'json' as const, body: '{"op":"join"}' },
    ];
    const { text, warnings } = serializeWebSocketRequest('Chat', { request, messages });
    expect(warnings).toEqual([]);
    expect(Object.keys(JSON.parse(text))).toEqual(['kind', 'format', 'name', 'url', 'params', 'headers', 'subprotocols', 'auth', 'settings', 'messages']);
    expect(JSON.parse(text).settings).toEqual({ autoReconnect: true, logCap: 500 });
    expect(text.startsWith('{\n  "kind": "websocket",\n  "format": 2,\n  "name": "Chat",')).toBe(true);
    expect(parseWebSocketRequest(text)).toEqual({ ok: true, value: { name: 'Chat', request, messages } });
    expect(parseRequestFile(text)).toEqual({ ok: true, value: { kind: 'websocket', name: 'Chat', request, messages } });
    // Same input, same bytes.
    expect(serializeWebSocketRequest('Chat', { request, messages }).text).toBe(text);
  });

  it('keeps a minimal WebSocket request minimal', () => {
    expect(serializeWebSocketRequest('Echo', { request: ws(), messages: [] }).text).toBe(
      '{\n  "kind": "websocket",\n  "format": 2,\n  "name": "Echo",\n  "url": "ws://127.0.0.1:9/chat"\n}\n',
    );
  });

  it('never writes a credential typed into the Auth tab, with the same warning as HTTP request files', () => {
    const request = ws({ auth: { kind: 'basic', username: 'ann', password: 'CANARY-ws-file-pass' } });
    const stored = serializeWebSocketRequest('Secret', { request, messages: [] });
    expect(stored.text).not.toContain('CANARY-ws-file-pass');
    const http = serializeRequest('Secret', httpRequestSpecSchema.parse({ method: 'GET', url: 'x', auth: request.auth }));
    expect(stored.warnings).toEqual(http.warnings);
    expect(stored.warnings).toHaveLength(1);
    expect(JSON.parse(stored.text).auth).toEqual(JSON.parse(http.text).auth);
    const bearer = serializeWebSocketRequest('S', { request: ws({ auth: { kind: 'bearer', token: 'CANARY-tok' } }), messages: [] });
    expect(bearer.text).not.toContain('CANARY-tok');
  });

  it('reads HTTP request files (no kind) exactly as before, and refuses an unknown kind', () => {
    const { text } = serializeRequest('Ping', httpRequestSpecSchema.parse({ method: 'GET', url: 'https://x.test/' }));
    const http = parseRequest(text);
    expect(http.ok).toBe(true);
    expect(parseRequestFile(text)).toEqual({ ok: true, value: { kind: 'http', ...(http.ok ? http.value : {}) } });
    expect(parseRequestFile('{"kind":"mqtt","url":"x"}')).toEqual({ ok: false, error: 'Not a Courier file: kind: unknown request kind "mqtt"' });
    expect(parseRequestFile('{oops').ok).toBe(false);
    // An HTTP reader given a WebSocket file says it is not one of its files rather than guessing.
    expect(parseRequest(serializeWebSocketRequest('E', { request: ws(), messages: [] }).text).ok).toBe(false);
  });

  it('rejects a saved message without a name or with an unknown type', () => {
    expect(parseWebSocketRequest('{"kind":"websocket","url":"ws://x","messages":[{"name":"","kind":"text","body":"a"}]}').ok).toBe(false);
    expect(parseWebSocketRequest('{"kind":"websocket","url":"ws://x","messages":[{"name":"a","kind":"ping","body":"a"}]}').ok).toBe(false);
  });
});

describe('movedPath (open WebSocket requests follow renames and moves)', () => {
  it('follows the item itself and anything below a moved folder, and nothing else', () => {
    expect(movedPath('api/chat.request.json', 'api/chat.request.json', 'api/room.request.json')).toBe('api/room.request.json');
    expect(movedPath('api/live/chat.request.json', 'api/live', 'other/live')).toBe('other/live/chat.request.json');
    expect(movedPath('api/lively/chat.request.json', 'api/live', 'other/live')).toBeNull();
  });
});
