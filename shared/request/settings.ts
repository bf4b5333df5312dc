import type { RequestSettings, SettingTemplateKey, SettingTemplates } from '../contract/http';
import { DEFAULT_SETTINGS } from '../contract/values';
import { findVariableReferences } from '../variables/references';

type NumericSetting = SettingTemplateKey;

export interface NumericSettingField {
  key: NumericSetting;
  label: string;
  /** shown next to the input; the input is in this unit */
  unit: 'ms' | 'MB' | '';
  /** how many stored units one displayed unit is */
  scale: number;
  min: number;
  max: number;
  hint: string;
}

const MB = 1024 * 1024;

/** The numeric fields of the Settings tab, with the same bounds the contract enforces. */
export const NUMERIC_SETTING_FIELDS: readonly NumericSettingField[] = [
  { key: 'connectTimeoutMs', label: 'Connect timeout', unit: 'ms', scale: 1, min: 0, max: 600_000, hint: '0 = wait forever' },
  {
    key: 'deadlineMs',
    label: 'Total deadline',
    unit: 'ms',
    scale: 1,
    min: 0,
    max: 24 * 3_600_000,
    hint: 'whole exchange; 5 minutes by default; event streams excluded; 0 = no deadline',
  },
  { key: 'idleTimeoutMs', label: 'Idle timeout', unit: 'ms', scale: 1, min: 0, max: 3_600_000, hint: 'longest silence from the server; 0 = none' },
  { key: 'maxRedirects', label: 'Max redirects', unit: '', scale: 1, min: 0, max: 100, hint: '' },
  { key: 'maxResponseBytes', label: 'Max response size', unit: 'MB', scale: MB, min: 1, max: 16 * 1024, hint: 'bytes on the wire' },
];

/** The number shown in a settings input. */
export function displaySetting(settings: RequestSettings, field: NumericSettingField): string {
  const value = settings[field.key] / field.scale;
  return String(Number.isInteger(value) ? value : Number(value.toFixed(2)));
}

/**
 * Reads a typed settings value. Returns the new settings, or a message when the text is not a usable number;
 * numbers outside the allowed range are refused rather than silently clamped, so the user sees what happened.
 */
export function applySetting(
  settings: RequestSettings,
  field: NumericSettingField,
  text: string,
): { settings: RequestSettings; error: null } | { settings: RequestSettings; error: string } {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (trimmed === '' || !Number.isFinite(value)) return { settings, error: `${field.label} must be a number.` };
  if (value < field.min || value > field.max) {
    return { settings, error: `${field.label} must be between ${field.min} and ${field.max}${field.unit ? ` ${field.unit}` : ''}.` };
  }
  const stored = Math.round(value * field.scale);
  return { settings: { ...settings, [field.key]: stored }, error: null };
}

/** True when what was typed into a setting holds {{references}}: it is then resolved when sending, not read here. */
export function isSettingTemplate(text: string): boolean {
  return findVariableReferences(text).length > 0;
}

/**
 * A setting's resolved template read as the number the engine wants (the text is in the unit the field shows), or
 * a message naming the setting, what was written and what it became.
 */
export function readSettingTemplate(field: NumericSettingField, written: string, resolved: string): { value: number } | { error: string } {
  const trimmed = resolved.trim();
  const value = Number(trimmed);
  const unit = field.unit ? ` ${field.unit}` : '';
  if (trimmed === '' || !Number.isFinite(value)) return { error: `${field.label} is ${written}, which is “${resolved}”: not a number.` };
  if (value < field.min || value > field.max) {
    return { error: `${field.label} is ${written}, which is ${trimmed}${unit}: it must be between ${field.min} and ${field.max}${unit}.` };
  }
  return { value: Math.round(value * field.scale) };
}

/**
 * Whether any setting differs from the contract's default, or is written as a {{variable}}: the Settings tab's
 * label then says so, as Params shows a count and Body its kind, since a changed setting is otherwise out of sight.
 */
export function settingsChanged(settings: RequestSettings, templates?: SettingTemplates): boolean {
  const keys = Object.keys(DEFAULT_SETTINGS) as (keyof typeof DEFAULT_SETTINGS)[];
  if (keys.some((key) => settings[key] !== DEFAULT_SETTINGS[key])) return true;
  return Object.values(templates ?? {}).some((text) => text !== undefined && text.trim() !== '');
}
