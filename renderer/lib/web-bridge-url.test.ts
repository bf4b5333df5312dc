import { describe, expect, it } from 'vitest';
import { webBridgeUrl } from './web-bridge-url';

describe('webBridgeUrl', () => {
  const token = 'Abc_-123';

  it('puts the bridge under the secret path the page was served from', () => {
    expect(webBridgeUrl(`http://127.0.0.1:4000/s/${token}/`)).toBe(`ws://127.0.0.1:4000/s/${token}/bridge`);
    expect(webBridgeUrl(`http://127.0.0.1:4000/s/${token}/index.html`)).toBe(`ws://127.0.0.1:4000/s/${token}/bridge`);
    expect(webBridgeUrl(`http://localhost:4000/s/${token}/?tab=history#x`)).toBe(`ws://localhost:4000/s/${token}/bridge`);
  });

  it('uses wss: for a page served over https', () => {
    expect(webBridgeUrl(`https://example.test/s/${token}/`)).toBe(`wss://example.test/s/${token}/bridge`);
  });
});
