import { describe, expect, it } from 'vitest';
import { formatDuration, timeoutSettingNote } from './duration';

describe('formatDuration', () => {
  it('says seconds or minutes rather than thousands of milliseconds (finding 39)', () => {
    expect(formatDuration(500)).toBe('500 ms');
    expect(formatDuration(30_000)).toBe('30 s');
    expect(formatDuration(1_500)).toBe('1.5 s');
    expect(formatDuration(300_000)).toBe('5 min');
    expect(formatDuration(150_000)).toBe('2.5 min');
  });

  it('names the setting and where it is', () => {
    expect(timeoutSettingNote('Idle timeout')).toBe('(Idle timeout, in the request’s Settings tab)');
  });
});
