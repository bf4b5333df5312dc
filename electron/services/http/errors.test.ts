import { describe, expect, it } from 'vitest';
import { looksInternal } from '../../../shared/response';
import { tlsVerificationError, toCourierError, type FailureContext } from './errors';

const context: FailureContext = { host: 'api.test', phase: 'waiting', expectedBodyBytes: null, receivedBodyBytes: 0, idleTimeoutMs: 500 };

describe('toCourierError messages are sentences for people', () => {
  it('keeps low-level codes out of the message and in the detail', () => {
    for (const code of ['ERR_ASSERTION', 'UND_ERR_INFO', 'EPROTO', 'UND_ERR_HEADERS_TIMEOUT', 'ECONNRESET', 'UND_ERR_SOCKET']) {
      const error = toCourierError(Object.assign(new Error('x'), { code }), context);
      expect(looksInternal(error.message), `${code}: ${error.message}`).toBe(false);
      expect(error.detail).toBe(code);
    }
    const tls = tlsVerificationError('ERR_SSL_WRONG_VERSION_NUMBER', 'api.test', null);
    expect(tls.message).toBe('The secure connection to api.test could not be set up.');
    expect(tls.detail).toBe('ERR_SSL_WRONG_VERSION_NUMBER');
  });
});

describe('timeout messages (finding 39 of the new-user UI pass)', () => {
  it('say seconds, not milliseconds, and name the setting that decided it', () => {
    const headers = toCourierError(Object.assign(new Error('x'), { code: 'UND_ERR_HEADERS_TIMEOUT' }), { ...context, idleTimeoutMs: 30_000 });
    expect(headers.message).toBe(
      'api.test accepted the request but sent no complete response headers within 30 s (Idle timeout, in the request’s Settings tab).',
    );
    const body = toCourierError(Object.assign(new Error('x'), { code: 'UND_ERR_BODY_TIMEOUT' }), { ...context, idleTimeoutMs: 30_000 });
    expect(body.message).toContain('for more than 30 s (Idle timeout, in the request’s Settings tab)');
  });
});
