import { useId, useState } from 'react';
import type { RequestSettings } from '../../../shared/contract';
import { applySetting, displaySetting, type NumericSettingField } from '../../../shared/request';

interface SettingsNumberFieldProps {
  field: NumericSettingField;
  settings: RequestSettings;
  onChange: (settings: RequestSettings) => void;
  disabled?: boolean;
}

/** Keeps what the user typed even while it is not a valid number yet, and says why it is not used. */
export function SettingsNumberField({ field, settings, onChange, disabled }: SettingsNumberFieldProps) {
  const id = useId();
  const [text, setText] = useState(() => displaySetting(settings, field));
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="rb-setting">
      <label htmlFor={id} className="rb-setting__label">
        {field.label}
        {field.unit ? <span className="rb-muted"> ({field.unit})</span> : null}
      </label>
      <input
        id={id}
        type="number"
        className="rb-input rb-setting__input"
        min={field.min}
        max={field.max}
        value={text}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-note`}
        onChange={(event) => {
          setText(event.target.value);
          const result = applySetting(settings, field, event.target.value);
          setError(result.error);
          if (result.error === null) onChange(result.settings);
        }}
      />
      <span id={`${id}-note`} className={error ? 'rb-setting__note rb-setting__note--error' : 'rb-setting__note'} role={error ? 'alert' : undefined}>
        {error ?? field.hint}
      </span>
    </div>
  );
}
