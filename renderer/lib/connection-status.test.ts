import { describe, expect, it } from 'vitest';
import { createConnectionStatusStore, lossFromProbe, lostConnectionMessage, probeUrl } from './connection-status';

// Finding 41 of the new-user UI pass: after a restart the old page blamed the server, though only its token was dead.
describe('connection status', () => {
  it('tells a refused token (401/403) from a host that does not answer', () => {
    expect(lossFromProbe({ status: 401 })).toBe('token-refused');
    expect(lossFromProbe({ status: 403 })).toBe('token-refused');
    expect(lossFromProbe('no-answer')).toBe('unreachable');
    expect(lossFromProbe({ status: 200 })).toBeNull();
  });

  it('words each case for people, without Markdown backticks', () => {
    expect(lostConnectionMessage('token-refused')).toMatch(/^Lost the connection to Courier — if it restarted, open the new address it printed/);
    expect(lostConnectionMessage('unreachable')).toContain('not running');
    expect(lostConnectionMessage('unreachable')).not.toContain('`');
  });

  it("probes the page's own address under the secret path", () => {
    expect(probeUrl('http://127.0.0.1:4000/s/tok/')).toBe('http://127.0.0.1:4000/s/tok/');
    expect(probeUrl('http://127.0.0.1:4000/s/tok/index.html?x=1#h')).toBe('http://127.0.0.1:4000/s/tok/');
  });

  it('tells listeners only about real changes', () => {
    const store = createConnectionStatusStore();
    let calls = 0;
    store.subscribe(() => (calls += 1));
    store.set({ kind: 'connected' });
    store.set({ kind: 'lost', reason: 'unreachable' });
    store.set({ kind: 'lost', reason: 'unreachable' });
    store.set({ kind: 'lost', reason: 'token-refused' });
    expect(calls).toBe(2);
    expect(store.get()).toEqual({ kind: 'lost', reason: 'token-refused' });
  });
});
