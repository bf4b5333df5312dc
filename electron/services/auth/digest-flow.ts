import { randomBytes } from 'node:crypto';
import { CourierError, type HttpExchange, type HttpRequestSpec, type KeyValue } from '../../../shared/contract';
import { encodeRequestBody, type SendOptions } from '../http';
import { parseChallenges } from './challenge';
import { algorithmLabel, chooseDigestChallenge, digestAuthorization, type DigestChallenge } from './digest';

interface DigestDeps {
  send: (requestId: string, spec: HttpRequestSpec, options?: SendOptions) => Promise<HttpExchange>;
  cancel: (requestId: string) => boolean;
  releaseBody: (bodyId: string) => Promise<unknown>;
}

interface DigestSender {
  sendWithDigest(requestId: string, spec: HttpRequestSpec, options?: SendOptions): Promise<{ exchange: HttpExchange; warnings: string[] }>;
  cancel(requestId: string): boolean;
  cancelAll(): void;
}

interface Running {
  /** the engine id of whichever send is in flight */
  current: string;
  cancelled: CourierError | null;
}

const DETAIL_MAX = 2048;

function headerValues(exchange: HttpExchange, lowerName: string): string[] {
  return exchange.response.headers.filter(([name]) => name.toLowerCase() === lowerName).map(([, value]) => value);
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function createDigestSender(deps: DigestDeps): DigestSender {
  const running = new Map<string, Running>();

  const answer = (spec: HttpRequestSpec, previous: HttpExchange, challenge: DigestChallenge, username: string, password: string): HttpRequestSpec => {
    // The challenge came from wherever the redirects ended, for the method that reached it (a 303 turns POST into
    // GET), so the answer goes there; the query is already in that URL.
    const url = new URL(previous.request.url);
    const method = previous.request.method;
    const bodyKept = method === spec.method;
    let body: HttpRequestSpec['body'] = bodyKept ? spec.body : { kind: 'none' };
    let bodyBytes: Buffer | null = null;
    if (challenge.qop === 'auth-int' && bodyKept) {
      // auth-int hashes the body: encode it once and send those exact bytes (a multipart boundary is random).
      const encoded = encodeRequestBody(spec.body);
      bodyBytes = encoded.bytes;
      if (encoded.bytes !== null) {
        body = {
          kind: 'binary',
          file: { fileName: 'body', contentType: encoded.contentType ?? 'application/octet-stream', dataBase64: encoded.bytes.toString('base64') },
        };
      }
    }
    const authorization = digestAuthorization({
      challenge,
      username,
      password,
      method,
      uri: `${url.pathname}${url.search}`,
      body: bodyBytes,
      cnonce: randomBytes(16).toString('hex'),
      nc: 1,
    });
    const headers: KeyValue[] = spec.headers.filter((header) => header.name.trim().toLowerCase() !== 'authorization');
    headers.push({ name: 'Authorization', value: authorization, enabled: true });
    return { ...spec, method, url: url.href, params: [], headers, body, auth: { kind: 'none' } };
  };

  const sendStep = async (state: Running, id: string, spec: HttpRequestSpec, options?: SendOptions): Promise<HttpExchange> => {
    if (state.cancelled) throw state.cancelled;
    state.current = id;
    return deps.send(id, spec, options);
  };

  const release = async (exchange: HttpExchange): Promise<void> => {
    await deps.releaseBody(exchange.body.id).catch(() => undefined);
  };

  function cancel(requestId: string): boolean {
    const state = running.get(requestId);
    if (!state) return false;
    state.cancelled ??= new CourierError('CANCELLED', 'The request was cancelled.');
    deps.cancel(state.current);
    return true;
  }

  return {
    async sendWithDigest(requestId, spec, options) {
      if (spec.auth.kind !== 'digest') throw new CourierError('INTERNAL', 'Digest authentication was asked for a request that does not use it.');
      if (running.has(requestId)) throw new CourierError('INVALID_INPUT', 'A request with this id is already being sent.', requestId);
      const { username, password } = spec.auth;
      const state: Running = { current: requestId, cancelled: null };
      running.set(requestId, state);
      try {
        const first = await sendStep(state, requestId, { ...spec, auth: { kind: 'none' } }, options);
        if (first.response.status !== 401) return { exchange: first, warnings: [] };
        // Like curl without --location-trusted: a redirect to another origin must not earn that origin an answer
        // (a Digest response is an offline-guessable hash of the password).
        if (originOf(first.request.url) !== originOf(spec.url.trim())) {
          return {
            exchange: first,
            warnings: [
              `The 401 came from ${originOf(first.request.url)} after a redirect to another origin, so Courier did not send the Digest credentials there.`,
            ],
          };
        }
        const challenges = parseChallenges(headerValues(first, 'www-authenticate'));
        const choice = chooseDigestChallenge(challenges);
        if (choice.kind === 'none') {
          const offered = challenges.map((challenge) => challenge.scheme);
          const asks = offered.length === 0 ? 'without saying which scheme it wants' : `asking for ${[...new Set(offered)].join(', ')}`;
          return {
            exchange: first,
            warnings: [`The server answered 401 ${asks}, not Digest, so the Digest credentials were not sent.`],
          };
        }
        if (choice.kind === 'unsupported') {
          await release(first);
          throw new CourierError(
            'AUTH_FAILED',
            `The server’s Digest challenge asks for ${choice.reasons.join(' and ')}, which Courier does not support.`,
            choice.raw.slice(0, DETAIL_MAX),
          );
        }
        await release(first);
        let challenge = choice.challenge;
        let exchange = await sendStep(state, `${requestId}-digest`, answer(spec, first, challenge, username, password), options);
        const warnings: string[] = [];
        let ordinal = 'second';
        if (exchange.response.status === 401) {
          const again = chooseDigestChallenge(parseChallenges(headerValues(exchange, 'www-authenticate')));
          // stale=true: the credentials were right but the nonce had expired (RFC 7616 §3.3), so one more answer
          // with the fresh nonce is what the server asks for; anything else is a refusal.
          if (again.kind === 'chosen' && again.challenge.stale) {
            await release(exchange);
            challenge = again.challenge;
            exchange = await sendStep(state, `${requestId}-digest-stale`, answer(spec, exchange, challenge, username, password), options);
            ordinal = 'third';
            warnings.push('The server said its nonce was stale, so Courier answered its fresh challenge once more.');
          }
        }
        if (exchange.response.status === 401) {
          warnings.push('The server refused the Digest credentials (401 after Courier answered its challenge). Check the username and password.');
        } else {
          warnings.unshift(`Answered the server’s Digest challenge (algorithm ${algorithmLabel(challenge)}); the timings are of the ${ordinal} request.`);
        }
        return { exchange, warnings };
      } finally {
        running.delete(requestId);
      }
    },
    cancel,
    cancelAll() {
      for (const requestId of [...running.keys()]) cancel(requestId);
    },
  };
}
