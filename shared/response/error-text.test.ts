import { describe, expect, it } from 'vitest';
import { errorForPeople, looksInternal } from './error-text';

describe('errorForPeople', () => {
  it('keeps a message written for people and puts the codes in the details line', () => {
    const shown = errorForPeople({
      code: 'HEADERS_TIMEOUT',
      message: '127.0.0.1:4000 accepted the request but sent no complete response headers within 500 ms.',
      detail: 'UND_ERR_HEADERS_TIMEOUT',
    });
    expect(shown.title).toBe('The server did not answer in time');
    expect(shown.sentence).toBe('127.0.0.1:4000 accepted the request but sent no complete response headers within 500 ms.');
    expect(shown.details).toBe('HEADERS_TIMEOUT · UND_ERR_HEADERS_TIMEOUT');
  });

  it('replaces a message that names contract fields or schema wording with a sentence, keeping it in the details', () => {
    const shown = errorForPeople({
      code: 'INVALID_INPUT',
      message: 'Invalid spec.settings.deadlineMs: Too big: expected number to be <=86400000.',
      detail: 'http.send',
    });
    expect(shown.sentence).toMatch(/^Courier could not accept part of this request/);
    expect(shown.sentence).not.toMatch(/deadlineMs|spec\.|expected/);
    expect(shown.details).toBe('INVALID_INPUT · http.send · Invalid spec.settings.deadlineMs: Too big: expected number to be <=86400000.');
  });

  it('never shows library codes or stack frames in the sentence', () => {
    const shown = errorForPeople({
      code: 'PROTOCOL_ERROR',
      message: 'The exchange with api.test failed (ERR_ASSERTION).',
      detail: 'AssertionError [ERR_ASSERTION]: false == true\n    at Parser.onHeaders (node:internal/deps/undici/undici:1:1)',
    });
    expect(shown.sentence).toBe('The server answered in a way Courier could not understand, so the exchange was stopped.');
    expect(shown.details).toContain('ERR_ASSERTION');
    expect(shown.details).not.toContain('node:internal');
  });
});

describe('looksInternal', () => {
  it('tells internal names from ordinary sentences', () => {
    expect(looksInternal('Could not resolve host api.example.com — check the spelling or your network.')).toBe(false);
    expect(looksInternal('Set COURIER_VAULT_PASSPHRASE to unlock at start.')).toBe(false);
    expect(looksInternal('Works on macOS and Windows.')).toBe(false);
    expect(looksInternal('connect ECONNREFUSED 127.0.0.1:1')).toBe(true);
    expect(looksInternal('connectTimeoutMs must be a number')).toBe(true);
    expect(looksInternal('Error: boom\n    at foo (file:///x.js:1:2)')).toBe(true);
  });
});
