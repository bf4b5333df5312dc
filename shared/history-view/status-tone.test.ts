import { describe, expect, it } from 'vitest';
import { STATUS_CLASSES } from '../contract/history';
import { STATUS_CLASS_LABELS, statusText, statusTone } from './status-tone';

describe('status tone', () => {
  it('gives every status class its own colour family', () => {
    const tones = STATUS_CLASSES.map(statusTone);
    expect(new Set(tones).size).toBe(STATUS_CLASSES.length);
    expect(statusTone('2xx')).toBe('success');
    expect(statusTone('4xx')).toBe('client-error');
    expect(statusTone('5xx')).toBe('server-error');
    expect(statusTone('error')).toBe('failed');
  });

  it('labels failures in words', () => {
    expect(STATUS_CLASS_LABELS.error).toBe('Failed');
    expect(statusText({ status: null, statusClass: 'error' })).toBe('Failed');
    expect(statusText({ status: 404, statusClass: '4xx' })).toBe('404');
    expect(statusText({ status: null, statusClass: 'error', errorCode: 'CONNECTION_REFUSED' })).toBe('Failed');
    // a request the user stopped did not fail
    expect(statusText({ status: null, statusClass: 'error', errorCode: 'CANCELLED' })).toBe('Cancelled');
  });
});
