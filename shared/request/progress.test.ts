import { describe, expect, it } from 'vitest';
import { base64ByteLength, describeProgress, formatByteCount } from './progress';

describe('formatByteCount', () => {
  it('uses B below 1 KB and one decimal above', () => {
    expect(formatByteCount(0)).toBe('0 B');
    expect(formatByteCount(1023)).toBe('1023 B');
    expect(formatByteCount(1536)).toBe('1.5 KB');
    expect(formatByteCount(5 * 1024 * 1024)).toBe('5.0 MB');
  });
});

describe('describeProgress', () => {
  it('says what is happening before bytes arrive', () => {
    expect(describeProgress(null)).toEqual({ label: 'Sending request', fraction: null });
    expect(describeProgress({ requestId: 'r', phase: 'waiting', bytesReceived: 0, bytesExpected: null })).toEqual({
      label: 'Waiting for response',
      fraction: null,
    });
  });
  it('shows received of expected with a percentage', () => {
    expect(describeProgress({ requestId: 'r', phase: 'downloading', bytesReceived: 1024 * 1024, bytesExpected: 4 * 1024 * 1024 })).toEqual({
      label: 'Downloading 1.0 MB of 4.0 MB (25%)',
      fraction: 0.25,
    });
  });
  it('is indeterminate without Content-Length', () => {
    expect(describeProgress({ requestId: 'r', phase: 'downloading', bytesReceived: 2048, bytesExpected: null })).toEqual({
      label: 'Downloading 2.0 KB',
      fraction: null,
    });
  });
});

describe('base64ByteLength', () => {
  it('accounts for padding', () => {
    expect(base64ByteLength('')).toBe(0);
    expect(base64ByteLength('aGVsbG8gd29ybGQ=')).toBe(11);
    expect(base64ByteLength('aGk=')).toBe(2);
    expect(base64ByteLength('aA==')).toBe(1);
    expect(base64ByteLength('YWJj')).toBe(3);
  });
});
