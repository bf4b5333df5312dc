import { useId } from 'react';
import type { ExportInput } from '../../../shared/contract';
import { formControls } from '../../ui';
import styles from './export-inputs-list.module.css';

interface ExportInputsListProps {
  inputs: readonly ExportInput[];
  /** Postman and HAR read {{variables}}, not the process environment */
  postman: boolean;
}

/** What the exported text reads and must be given before it runs: each name with what to put in it. */
export function ExportInputsList({ inputs, postman }: ExportInputsListProps) {
  const titleId = useId();
  return (
    <section className={styles.inputs} aria-labelledby={titleId}>
      <p id={titleId} className={formControls.muted}>
        {postman ? 'Variables to define before running it:' : 'Read from the environment (set them before running it):'}
      </p>
      <ul className={styles.list} aria-labelledby={titleId}>
        {inputs.map((input) => (
          <li key={input.name}>
            <code>{input.name}</code> — {input.hint}
          </li>
        ))}
      </ul>
    </section>
  );
}
