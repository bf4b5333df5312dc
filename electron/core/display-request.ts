import { randomBytes } from 'node:crypto';
import { type HttpExchange, type HttpRequestSpec } from '../../shared/contract';
import { applySimpleAuth, credentialOf, withAuthHeader, withCredential } from '../../shared/auth';
import { redactText, resolveRequestSpec, SECRET_MASK, type ResolveEnvironment, type VariableLayer } from '../../shared/variables';
import { composeRequest } from '../services/http';

/**
 * The request as it was built, with a marker wherever a secret went in (a substituted secret variable or process
 * value, the auth credential) instead of its value. The URL and headers the user is shown and history keeps come
 * from it, so a secret is masked where it was put, and the same letters the user typed elsewhere in the URL
 * (a short secret such as "passwd" in a path) are left alone. Secrets echoed by the server are masked everywhere.
 */
export interface DisplayTwin {
  spec: HttpRequestSpec;
  marker: string;
}

// lower-case letters and digits: the URL parser neither encodes nor lower-cases them (a host is lower-cased)
const newSecretMarker = (): string => `zzsecret${randomBytes(12).toString('hex')}zz`;

/** Builds the twin from the request as composed (credential already swapped in), with the send's own dynamic values. */
export function displayTwin(composed: HttpRequestSpec, layers: readonly VariableLayer[], env: ResolveEnvironment): DisplayTwin | undefined {
  const marker = newSecretMarker();
  try {
    // Only the URL and headers are taken from the twin: a body (megabytes, maybe) is not resolved a second time,
    // except GraphQL's, whose GET puts the query in the URL (and which is not resolved anyway).
    const withoutBody: HttpRequestSpec = composed.body.kind === 'graphql' ? composed : { ...composed, body: { kind: 'none' } };
    let twin = resolveRequestSpec(withoutBody, layers, { ...env, maskSecret: () => marker }).spec;
    if (credentialOf(twin.auth) !== '') twin = { ...twin, auth: withCredential(twin.auth, marker) };
    if (twin.auth.kind === 'oauth2') {
      const prefix = twin.auth.headerPrefix.trim();
      return { spec: { ...withAuthHeader(twin, 'Authorization', prefix === '' ? marker : `${prefix} ${marker}`, []), auth: { kind: 'none' } }, marker };
    }
    return { spec: applySimpleAuth(twin).spec, marker };
  } catch {
    // the real resolution decides whether the send goes ahead; without a twin everything is masked as before
    return undefined;
  }
}

const unmark = (text: string, marker: string): string => text.split(marker).join(SECRET_MASK);

/**
 * Request URL and headers as shown and kept: where the twin equals what was sent, no secret went in and the text is
 * kept whole; where the twin has the marker, the marker is masked; anything else (Basic credentials encoded from a
 * marker, headers added along the way) is masked wherever a secret occurs, as before. A request that was
 * redirected keeps the old behaviour throughout: its URL and headers came from the server.
 */
export function displayRequest(
  sent: HttpExchange['request'],
  redirected: boolean,
  twin: DisplayTwin | undefined,
  secrets: readonly string[],
): Pick<HttpExchange['request'], 'url' | 'headers'> {
  const masked = {
    url: redactText(sent.url, secrets),
    headers: sent.headers.map(([name, value]): [string, string] => [redactText(name, secrets), redactText(value, secrets)]),
  };
  if (!twin || redirected || secrets.length === 0) return masked;
  let built;
  try {
    built = composeRequest(twin.spec, '');
  } catch {
    return masked;
  }
  const pick = (real: string, twinText: string, fallback: string): string => {
    if (twinText === real) return real;
    return twinText.includes(twin.marker) ? unmark(twinText, twin.marker) : fallback;
  };
  const url = pick(sent.url, built.url.href, masked.url);
  // The wire head has headers the client library adds (Host, Connection…) and its own order: a header is paired
  // with the twin's header of the same name and the same occurrence; one with no pair is masked as before.
  const twinByName = new Map<string, string[]>();
  for (const [name, value] of built.headers) twinByName.set(name.toLowerCase(), [...(twinByName.get(name.toLowerCase()) ?? []), value]);
  const seen = new Map<string, number>();
  const headers = sent.headers.map(([name, value], index): [string, string] => {
    const key = name.toLowerCase();
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const twinValue = twinByName.get(key)?.[occurrence];
    if (twinValue === undefined) return masked.headers[index]!;
    const shown = pick(value, twinValue, masked.headers[index]![1]);
    return [name, key === 'cookie' && occurrence === 0 && twinValue.includes(twin.marker) ? withJarPairs(shown, twinValue, value, secrets) : shown];
  });
  return { url, headers };
}

const cookiePairs = (value: string): string[] =>
  value
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '');

/**
 * The cookie jar appends its pairs to the user's Cookie header after the twin was built (services/cookies): they are
 * put back after the user's pairs, masked wherever a secret occurs. Only when no secret holds a ";" does counting
 * pairs split the header exactly; otherwise the header stays as the twin shows it.
 */
function withJarPairs(shown: string, twinValue: string, sent: string, secrets: readonly string[]): string {
  if (secrets.some((secret) => secret.includes(';'))) return shown;
  const jarPairs = cookiePairs(sent).slice(cookiePairs(twinValue).length);
  return jarPairs.length === 0 ? shown : `${shown.trim().replace(/;$/, '')}; ${redactText(jarPairs.join('; '), secrets)}`;
}
