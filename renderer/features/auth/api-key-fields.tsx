import { weakSecretWarning } from '../../../shared/variables';
import { useId } from 'react';
import { AuthTextField } from './auth-text-field';
import { formControls } from '../../ui';
import field from './auth-field.module.css';

type Placement = 'header' | 'query';
const PLACEMENTS: { value: Placement; label: string }[] = [
  { value: 'header', label: 'Header' },
  { value: 'query', label: 'Query params' },
];

interface ApiKeyFieldsProps {
  name: string;
  value: string;
  placement: Placement;
  onChange: (patch: { name?: string; value?: string; in?: Placement }) => void;
}

export function ApiKeyFields({ name, value, placement, onChange }: ApiKeyFieldsProps) {
  const group = useId();
  return (
    <>
      <AuthTextField
        label="Key name"
        value={name}
        onChange={(text) => onChange({ name: text })}
        placeholder={placement === 'header' ? 'X-API-Key' : 'api_key'}
      />
      <AuthTextField label="Key value" value={value} onChange={(text) => onChange({ value: text })} placeholder="{{api_key}}" hint={weakSecretWarning(value)} />
      <div className={field.field}>
        <span id={`${group}-label`} className={field.label}>
          Add to
        </span>
        <div className={field.body}>
          <div role="radiogroup" aria-labelledby={`${group}-label`} className={`${formControls.segmented} ${field.segmented}`}>
            {PLACEMENTS.map((option) => (
              <label
                key={option.value}
                className={option.value === placement ? `${formControls.segmentedItem} ${formControls.segmentedItemOn}` : formControls.segmentedItem}
              >
                <input
                  type="radio"
                  name={group}
                  value={option.value}
                  checked={option.value === placement}
                  onChange={() => onChange({ in: option.value })}
                  className={formControls.segmentedRadio}
                />
                {option.label}
              </label>
            ))}
          </div>
        </div>
      </div>
    </>
  );
}
