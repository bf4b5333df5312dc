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
