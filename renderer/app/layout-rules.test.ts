import { describe, expect, it } from 'vitest';
import { REQUEST_MIN_WIDTH, RESPONSE_MIN_WIDTH, responseBeside } from './layout-rules';

describe('responseBeside', () => {
  it('puts the response beside the request only when both fit at their minimum', () => {
    expect(responseBeside(false, REQUEST_MIN_WIDTH + RESPONSE_MIN_WIDTH + 40)).toBe(true);
    // a 1440 px window with both side panels open leaves about 880 px: the response goes below
    expect(responseBeside(false, 880)).toBe(false);
  });

  it('keeps the response below when the user asked for that, however wide the window', () => {
    expect(responseBeside(true, 3000)).toBe(false);
  });

  it('reserves at least 480 px for the URL field beside the method, Send and Export', () => {
    expect(REQUEST_MIN_WIDTH - 362).toBeGreaterThanOrEqual(480);
  });
});
