import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../contract/http';
import { createDraft } from './draft';
import { applySetting, displaySetting, isSettingTemplate, NUMERIC_SETTING_FIELDS, readSettingTemplate, settingsChanged } from './settings';

const field = (key: string) => NUMERIC_SETTING_FIELDS.find((f) => f.key === key)!;

describe('settings fields', () => {
  it("shows a new request's default total deadline of 5 minutes, and says streams are excluded", () => {
    expect(displaySetting(createDraft().settings, field('deadlineMs'))).toBe('300000');
    expect(field('deadlineMs').hint).toMatch(/5 minutes by default; event streams excluded/);
  });
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

describe('settings written as {{variables}}', () => {
  it('are recognised by their references', () => {
    expect(isSettingTemplate('{{timeout}}')).toBe(true);
    expect(isSettingTemplate('30000')).toBe(false);
    expect(isSettingTemplate('{{ }}')).toBe(false);
  });
  it('are read in the field’s unit once resolved, or explained', () => {
    expect(readSettingTemplate(field('maxResponseBytes'), '{{mb}}', '2')).toEqual({ value: 2 * 1024 * 1024 });
    expect(readSettingTemplate(field('maxRedirects'), '{{hops}}', '0')).toEqual({ value: 0 });
    expect(readSettingTemplate(field('connectTimeoutMs'), '{{t}}', 'soon')).toEqual({ error: 'Connect timeout is {{t}}, which is “soon”: not a number.' });
    expect(readSettingTemplate(field('maxRedirects'), '{{hops}}', '500')).toEqual({
      error: 'Max redirects is {{hops}}, which is 500: it must be between 0 and 100.',
    });
  });
});

describe('settingsChanged', () => {
  it('is false at the defaults and true once any setting or template differs', () => {
    expect(settingsChanged({ ...DEFAULT_SETTINGS }, {})).toBe(false);
    expect(settingsChanged({ ...DEFAULT_SETTINGS, useCookieJar: false })).toBe(true);
    expect(settingsChanged({ ...DEFAULT_SETTINGS, connectTimeoutMs: 5000 })).toBe(true);
    expect(settingsChanged({ ...DEFAULT_SETTINGS }, { deadlineMs: '{{deadline}}' })).toBe(true);
    expect(settingsChanged({ ...DEFAULT_SETTINGS }, { deadlineMs: '' })).toBe(false);
  });
});
