import { describe, expect, it } from 'vitest';
import { createRequestId } from './request-id';

describe('createRequestId', () => {
  it('matches the contract pattern and is unique', () => {
    const ids = new Set(Array.from({ length: 100 }, () => createRequestId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{1,128}$/);
  });
});
