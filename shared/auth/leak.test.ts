import { describe, expect, it } from 'vitest';
import { httpRequestSpecSchema } from '../contract/http';
import { redactBytes, redactText, resolveRequestSpec, type VariableLayer } from '../variables';
import { applySimpleAuth } from './apply-simple-auth';
import { redactStoredCredentials } from './redact-stored-credentials';

// The leak test in miniature: everything that would be written is scanned for the canary's byte forms.
const CANARY = 'CANARY-7f3a9/b+c d';

function forms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  return [secret, encodeURIComponent(secret), new URLSearchParams({ x: secret }).toString().slice(2), bytes.toString('base64').slice(0, -4)];
}

describe('a canary secret used everywhere', () => {
  it('leaves no trace once the sent request is redacted', () => {
    const layers: VariableLayer[] = [{ scope: 'environment', label: 'Prod', variables: [{ name: 'canary', value: CANARY, secret: true }] }];
    const composed = httpRequestSpecSchema.parse({
      method: 'POST',
      url: 'https://api.test/p',
      params: [{ name: 'q', value: '{{canary}}' }],
      headers: [{ name: 'X-Canary', value: '{{ canary }}' }],
      body: { kind: 'json', text: '{"c":"{{canary}}"}' },
      auth: { kind: 'basic', username: 'me', password: '{{canary}}' },
    });
    const { spec: resolved, resolution } = resolveRequestSpec(composed, layers);
    const { spec: sent, derivedSecrets } = applySimpleAuth(resolved);
    const secrets = [...resolution.secretValues, ...derivedSecrets];

    const url = new URL(sent.url);
    for (const param of sent.params) url.searchParams.append(param.name, param.value);
    const head = [`POST ${url.pathname}${url.search} HTTP/1.1`, ...sent.headers.map((h) => `${h.name}: ${h.value}`)].join('\r\n');
    const body = Buffer.from(sent.body.kind === 'json' ? sent.body.text : '');
    expect(head).toContain(encodeURIComponent('CANARY'));

    const written = [
      redactText(url.href, secrets),
      redactText(head, secrets),
      Buffer.from(redactBytes(body, secrets)).toString('utf8'),
      JSON.stringify(redactStoredCredentials(composed)),
    ].join('\n');
    for (const form of forms(CANARY)) expect(written).not.toContain(form);
    expect(written).not.toContain(Buffer.from(`me:${CANARY}`).toString('base64').slice(4, -4));
  });
});
