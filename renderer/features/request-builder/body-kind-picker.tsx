import { BODY_EDITOR_KINDS, BODY_KIND_LABELS, type BodyEditorKind } from '../../../shared/request';

interface BodyKindPickerProps {
  kind: BodyEditorKind;
  onChange: (kind: BodyEditorKind) => void;
}

/** A radio group styled as a segmented control: arrow keys move between kinds as with any radio group. */
export function BodyKindPicker({ kind, onChange }: BodyKindPickerProps) {
  return (
    <fieldset className="rb-segmented">
      <legend className="visually-hidden">Body type</legend>
      {BODY_EDITOR_KINDS.map((value) => (
        <label key={value} className={value === kind ? 'rb-segmented__item rb-segmented__item--on' : 'rb-segmented__item'}>
          <input type="radio" name="body-kind" value={value} checked={value === kind} onChange={() => onChange(value)} className="rb-segmented__radio" />
          {BODY_KIND_LABELS[value]}
        </label>
      ))}
    </fieldset>
  );
}
