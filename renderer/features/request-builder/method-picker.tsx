import { useRef, useState } from 'react';
import { isStandardMethod, STANDARD_METHODS } from '../../../shared/request';
import styles from './request-builder.module.css';

const CUSTOM = '__custom__';
/** Each standard method's colour (HEAD, OPTIONS and custom ones share the neutral one). */
const METHOD_CLASS: Record<string, string | undefined> = {
  GET: styles.methodGet,
  POST: styles.methodPost,
  PUT: styles.methodPut,
  PATCH: styles.methodPatch,
  DELETE: styles.methodDelete,
  HEAD: styles.methodHead,
  OPTIONS: styles.methodOptions,
};

interface MethodPickerProps {
  method: string;
  onChange: (method: string) => void;
  invalid: boolean;
  describedBy?: string;
}

/** The seven common methods in a select, plus "Custom…" which reveals a text field for PROPFIND, PURGE and the like. */
export function MethodPicker({ method, onChange, invalid, describedBy }: MethodPickerProps) {
  const [customChosen, setCustomChosen] = useState(false);
  const customRef = useRef<HTMLInputElement>(null);
  const custom = customChosen || !isStandardMethod(method);

  return (
    <div className={styles.method}>
      <select
        aria-label="Method"
        className={`${styles.methodSelect} ${custom ? styles.methodCustom : (METHOD_CLASS[method] ?? '')}`}
        value={custom ? CUSTOM : method}
        onChange={(event) => {
          const value = event.target.value;
          if (value === CUSTOM) {
            setCustomChosen(true);
            // After React shows the field, put the caret in it so the user can type the method straight away.
            requestAnimationFrame(() => customRef.current?.select());
          } else {
            setCustomChosen(false);
            onChange(value);
          }
        }}
      >
        {STANDARD_METHODS.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
        <option value={CUSTOM}>Custom…</option>
      </select>
      {custom ? (
        <input
          ref={customRef}
          type="text"
          className={styles.customMethod}
          aria-label="Custom method"
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          placeholder="METHOD"
          spellCheck={false}
          autoComplete="off"
          value={method}
          // Upper-cased as typed (as Postman does): the field used to show upper case by CSS while the lower-case
          // text went out, and servers answer `propfind` with 400. What is shown is now what is sent.
          onChange={(event) => onChange(event.target.value.toUpperCase())}
        />
      ) : null}
    </div>
  );
}
