import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../contract/http';
import { applySetting, displaySetting, NUMERIC_SETTING_FIELDS } from './settings';

const field = (key: string) => NUMERIC_SETTING_FIELDS.find((f) => f.key === key)!;

describe('settings fields', () => {
  it('shows the max response size in MB', () => {
    expect(displaySetting({ ...DEFAULT_SETTINGS }, field('maxResponseBytes'))).toBe('512');
  });
  it('stores typed values in the contract unit', () => {
    const result = applySetting({ ...DEFAULT_SETTINGS }, field('maxResponseBytes'), '2');
    expect(result.error).toBeNull();
    expect(result.settings.maxResponseBytes).toBe(2 * 1024 * 1024);
    expect(applySetting({ ...DEFAULT_SETTINGS }, field('connectTimeoutMs'), ' 1500 ').settings.connectTimeoutMs).toBe(1500);
  });
  it('refuses non-numbers and out-of-range values with a message, keeping the old settings', () => {
    const before = { ...DEFAULT_SETTINGS };
    expect(applySetting(before, field('connectTimeoutMs'), 'abc')).toEqual({ settings: before, error: 'Connect timeout must be a number.' });
    expect(applySetting(before, field('maxRedirects'), '101').error).toBe('Max redirects must be between 0 and 100.');
    expect(applySetting(before, field('idleTimeoutMs'), '-1').error).toBe('Idle timeout must be between 0 and 3600000 ms.');
  });
});
