import { describe, expect, it } from 'vitest';
import { impliedWebSocketScheme } from './connect-scheme';

describe('impliedWebSocketScheme', () => {
  it('names the scheme an http(s) URL connects as', () => {
    expect(impliedWebSocketScheme('http://127.0.0.1:8002/ws')).toBe('ws://');
    expect(impliedWebSocketScheme('  HTTPS://example.com/socket')).toBe('wss://');
  });
  it('says nothing for ws://, wss://, variables or a URL still being typed', () => {
    expect(impliedWebSocketScheme('ws://127.0.0.1/ws')).toBeNull();
    expect(impliedWebSocketScheme('wss://example.com')).toBeNull();
    expect(impliedWebSocketScheme('{{base}}/ws')).toBeNull();
    expect(impliedWebSocketScheme('http')).toBeNull();
    expect(impliedWebSocketScheme('')).toBeNull();
  });
});
