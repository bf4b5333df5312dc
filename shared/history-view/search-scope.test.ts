import { describe, expect, it } from 'vitest';
import { SEARCHED_BODY_BYTES, searchScopeHint } from './search-scope';

describe('searchScopeHint', () => {
  it('says plainly how much of each body is searched', () => {
    expect(SEARCHED_BODY_BYTES).toBe(64 * 1024);
    expect(searchScopeHint()).toBe('Searches URLs, headers and the first 64 KB of each text body.');
    expect(searchScopeHint(1024 * 1024)).toBe('Searches URLs, headers and the first 1 MB of each text body.');
  });
});
