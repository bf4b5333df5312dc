import { describe, expect, it } from 'vitest';
import { statusClassOf, statusInfo } from './status';

describe('statusInfo', () => {
  it.each([200, 201, 204, 301, 302, 304, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504])('explains %i', (code) => {
    const info = statusInfo(code);
    expect(info.reason).not.toBe('Unknown status');
    expect(info.explanation.length).toBeGreaterThan(10);
  });

  it('uses standard reasons', () => {
    expect(statusInfo(404).reason).toBe('Not Found');
    expect(statusInfo(429).explanation).toMatch(/rate limited/);
    expect(statusInfo(200, 'Okie').reason).toBe('OK');
  });

  it('falls back to the server reason and the class for unknown codes', () => {
    expect(statusInfo(499, 'Client Closed Request')).toMatchObject({ reason: 'Client Closed Request', statusClass: 'client-error' });
    expect(statusInfo(299).explanation).toBe('The request succeeded.');
    expect(statusInfo(799).statusClass).toBe('unknown');
    expect(statusInfo(799, '  ').reason).toBe('Unknown status');
  });

  it('classifies', () => {
    expect([101, 204, 308, 418, 599, 42].map(statusClassOf)).toEqual(['informational', 'success', 'redirect', 'client-error', 'server-error', 'unknown']);
  });
});
