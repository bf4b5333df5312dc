import { useId, useState } from 'react';
import type { RequestSettings, SettingTemplates } from '../../../shared/contract';
import { applySetting, displaySetting, isSettingTemplate, type NumericSettingField } from '../../../shared/request';
import { VariableTextInput, formControls } from '../../ui';
import styles from './request-builder.module.css';

interface SettingsNumberFieldProps {
  field: NumericSettingField;
  settings: RequestSettings;
  onChange: (settings: RequestSettings) => void;
  templates: SettingTemplates;
  onTemplatesChange: (templates: SettingTemplates) => void;
  disabled?: boolean;
}

/**
 * Keeps what the user typed even while it is not a valid number yet, and says why it is not used. A value with
 * {{variables}} is kept as written and read as a number when the request is sent.
 */
export function SettingsNumberField({ field, settings, onChange, templates, onTemplatesChange, disabled }: SettingsNumberFieldProps) {
  const id = useId();
  const [text, setText] = useState(() => templates[field.key] ?? displaySetting(settings, field));
  const [error, setError] = useState<string | null>(null);
  const template = isSettingTemplate(text);
  const note = error ?? (template ? `resolved when sending${field.unit ? `, in ${field.unit}` : ''}` : field.hint);
  return (
    <div className={styles.setting}>
      <label htmlFor={id}>
        {field.label}
        {field.unit ? <span className={formControls.muted}> ({field.unit})</span> : null}
      </label>
      <VariableTextInput
        id={id}
        inputMode="numeric"
        className={`${formControls.input} ${styles.settingInput}`}
        value={text}
        disabled={disabled}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-note`}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          if (isSettingTemplate(next)) {
            setError(null);
            onTemplatesChange({ ...templates, [field.key]: next });
            return;
          }
          if (templates[field.key] !== undefined) onTemplatesChange({ ...templates, [field.key]: undefined });
          const result = applySetting(settings, field, next);
          setError(result.error);
          if (result.error === null) onChange(result.settings);
        }}
      />
      <span id={`${id}-note`} className={error ? `${styles.settingNote} ${styles.settingNoteError}` : styles.settingNote} role={error ? 'alert' : undefined}>
        {note}
      </span>
    </div>
  );
}
