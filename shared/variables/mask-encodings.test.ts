import { describe, expect, it } from 'vitest';
import { createMaskStream } from './mask-stream';
import { SECRET_MASK } from './needles';
import { redactBytes, redactText } from './redact';

const SECRET = 'Kq9!canary "s3cr3t"+/=<zZ>&ü';
const enc = new TextEncoder();
const dec = new TextDecoder();

/** The secret as servers and frameworks echo it, each written independently of the masker's own tables. */
function echoedForms(secret: string): Record<string, string> {
  const jsonInner = JSON.stringify(secret).slice(1, -1);
  const dotnet = [...secret]
    .map((char) => (/[A-Za-z0-9 !=]/.test(char) ? char : [...char].map((c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`).join('')))
    .join('');
  const html = secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return {
    'php json_encode': jsonInner.replace(/\//g, '\\/').replace(/ü/g, '\\u00fc'),
    '.NET JavaScriptEncoder': dotnet,
    '.NET lowercase percent': encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
    'HTML named': html,
    'HTML decimal +': html.replace(/\+/g, '&#43;'),
    'HTML hex +': html.replace(/\+/g, '&#x2B;'),
    'double JSON (Lambda proxy)': JSON.stringify(JSON.stringify({ k: secret })).slice(1, -1),
    'HTML-escaped JSON': JSON.stringify({ k: secret }).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    'PHP escaped inside a JSON string': JSON.stringify(jsonInner.replace(/\//g, '\\/')).slice(1, -1),
  };
}

describe('masking through encodings', () => {
  for (const [name, form] of Object.entries(echoedForms(SECRET))) {
    it(`masks the secret written as ${name}`, () => {
      const body = `{"echo":"${form}","n":1}`;
      const text = redactText(body, [SECRET]);
      expect(text).toContain(SECRET_MASK);
      expect(text).not.toContain('canary');
      const bytes = dec.decode(redactBytes(enc.encode(body), [SECRET]));
      expect(bytes).not.toContain('canary');
    });
  }

  it('masks one JSON-escaped into an OAuth error description', () => {
    const error = JSON.stringify({ error: 'invalid_client', error_description: `bad secret ${JSON.stringify(SECRET)}` });
    expect(redactText(error, [SECRET])).not.toContain('canary');
  });

  it('leaves text that only resembles the secret alone', () => {
    const text = 'Kq9!canary "s3cr3t"+/=<zZ>'; // the secret without its last characters
    expect(redactText(text, [SECRET])).toBe(text);
    expect(redactText('&amp;&#43;\\u002B%2f', [SECRET])).toBe('&amp;&#43;\\u002B%2f');
  });
});

describe('createMaskStream', () => {
  const split = (bytes: Uint8Array, size: number): Uint8Array[] => {
    const parts: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += size) parts.push(bytes.slice(i, i + size));
    return parts;
  };
  const run = (secrets: string[], chunks: Uint8Array[]): string => {
    const stream = createMaskStream(secrets);
    const out: number[] = [];
    for (const chunk of chunks) for (const piece of stream.push(chunk)) out.push(...piece);
    for (const piece of stream.end()) out.push(...piece);
    return dec.decode(Uint8Array.from(out));
  };

  it('finds a secret split across chunk boundaries at every offset, in every encoding', () => {
    const forms = Object.values(echoedForms(SECRET));
    const body = enc.encode(forms.map((form) => `<${form}>`).join(' padding '));
    const whole = dec.decode(redactBytes(body, [SECRET]));
    for (const size of [1, 2, 3, 5, 7, 13, 64, 1000]) {
      const streamed = run([SECRET], split(body, size));
      expect(streamed, `chunks of ${size}`).toBe(whole);
      expect(streamed).not.toContain('canary');
    }
  });

  it('passes bytes through unchanged without secrets or matches', () => {
    const body = enc.encode('nothing secret here, just text '.repeat(100));
    expect(run([], split(body, 17))).toBe(dec.decode(body));
    expect(run([SECRET], split(body, 17))).toBe(dec.decode(body));
  });
});
