import { BODY_EDITOR_KINDS, BODY_KIND_LABELS, type BodyEditorKind } from '../../../shared/request';
import { formControls } from '../../ui';

interface BodyKindPickerProps {
  kind: BodyEditorKind;
  onChange: (kind: BodyEditorKind) => void;
}

/** A radio group styled as a segmented control: arrow keys move between kinds as with any radio group. */
export function BodyKindPicker({ kind, onChange }: BodyKindPickerProps) {
  return (
    <fieldset className={formControls.segmented}>
      <legend className="visually-hidden">Body type</legend>
      {BODY_EDITOR_KINDS.map((value) => (
        <label key={value} className={value === kind ? `${formControls.segmentedItem} ${formControls.segmentedItemOn}` : formControls.segmentedItem}>
          <input
            type="radio"
            name="body-kind"
            value={value}
            checked={value === kind}
            onChange={() => onChange(value)}
            className={formControls.segmentedRadio}
          />
          {BODY_KIND_LABELS[value]}
        </label>
      ))}
    </fieldset>
  );
}
