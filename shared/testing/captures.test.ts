import { describe, expect, it } from 'vitest';
import { captureRowSchema, type CaptureRow } from '../contract';
import { extractCaptures } from './captures';
import type { TestResponse } from './response-view';

const response: TestResponse = {
  status: 200,
  headers: [['X-Request-Id', 'r-1']],
  timeMs: 5,
  bodySize: 60,
  bodyText: JSON.stringify({ token: 'tok-123', user: { id: 7 }, list: [1, 2] }),
  bodyTruncated: false,
};
const capture = (input: Partial<CaptureRow> & Pick<CaptureRow, 'source' | 'expression' | 'variable'>) =>
  extractCaptures([captureRowSchema.parse(input)], response)[0];

describe('extractCaptures', () => {
  it('takes strings as they are and other JSON values as JSON text', () => {
    expect(capture({ source: 'jsonPath', expression: '$.token', variable: 'token' })).toEqual({
      variable: 'token',
      scope: 'environment',
      secret: false,
      ok: true,
      value: 'tok-123',
    });
    expect(capture({ source: 'jsonPath', expression: '$.user.id', variable: 'uid' })).toMatchObject({ ok: true, value: '7' });
    expect(capture({ source: 'jsonPath', expression: '$.user', variable: 'u' })).toMatchObject({ ok: true, value: '{"id":7}' });
  });

  it('headers and regex groups', () => {
    expect(capture({ source: 'header', expression: 'x-request-id', variable: 'rid', scope: 'request' })).toMatchObject({
      ok: true,
      value: 'r-1',
      scope: 'request',
    });
    expect(capture({ source: 'regex', expression: '"token":"([^"]+)"', variable: 't', secret: true })).toMatchObject({
      ok: true,
      value: 'tok-123',
      secret: true,
    });
  });

  it('says why nothing was set: missing value, bad expression, bad name, turned off', () => {
    expect(capture({ source: 'jsonPath', expression: '$.nope', variable: 'x' })).toMatchObject({ ok: false, message: '$.nope found nothing in the body.' });
    expect(capture({ source: 'header', expression: 'X-None', variable: 'x' })).toMatchObject({ ok: false, message: 'The response has no X-None header.' });
    expect(capture({ source: 'regex', expression: '(', variable: 'x' })).toMatchObject({ ok: false });
    expect(capture({ source: 'jsonPath', expression: 'token', variable: 'x' })).toMatchObject({
      ok: false,
      message: 'Invalid JSONPath “token”: it must start with $.',
    });
    expect(capture({ source: 'jsonPath', expression: '$.token', variable: '1 bad' })).toMatchObject({ ok: false, message: '“1 bad” is not a variable name.' });
    expect(capture({ source: 'jsonPath', expression: '$.token', variable: 'x', enabled: false })).toMatchObject({ ok: false, skipped: true });
  });

  it('never parses a body cut at the cap', () => {
    const [result] = extractCaptures([captureRowSchema.parse({ source: 'jsonPath', expression: '$.token', variable: 't' })], {
      ...response,
      bodyTruncated: true,
      bodySize: 1e9,
    });
    expect(result).toMatchObject({ ok: false });
    expect(result && !result.ok && result.message).toMatch(/cannot be parsed as JSON/);
  });
  it('skips a row not filled in yet instead of failing it (new-user finding V13)', () => {
    expect(capture({ source: 'jsonPath', expression: '', variable: '' })).toMatchObject({ ok: false, skipped: true });
    expect(capture({ source: 'jsonPath', expression: '$.token', variable: '  ' })).toMatchObject({
      ok: false,
      skipped: true,
      message: 'No variable named yet: nothing captured.',
    });
    expect(capture({ source: 'header', expression: '', variable: 'token' })).toMatchObject({ ok: false, skipped: true });
  });
});
