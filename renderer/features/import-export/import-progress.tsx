import type { ImportPhase } from './use-import-parse';
import { Button, formControls } from '../../ui';
import shared from './import-export-shared.module.css';
import styles from './import-progress.module.css';

const STEPS: Record<ImportPhase, string> = {
  parsing: 'Reading the file',
  resolving: 'Resolving references',
  converting: 'Converting to requests',
};
const ORDER: ImportPhase[] = ['parsing', 'resolving', 'converting'];

interface ImportProgressProps {
  /** null until the main process reports the first step */
  phase: ImportPhase | null;
  cancelling: boolean;
  onCancel: () => void;
}

/** The steps of a running import (a large description takes seconds) and the way to stop it. */
export function ImportProgress({ phase, cancelling, onCancel }: ImportProgressProps) {
  const step = phase === null ? 0 : ORDER.indexOf(phase) + 1;
  const label = cancelling ? 'Cancelling…' : phase === null ? 'Starting…' : `${STEPS[phase]}… (step ${step} of ${ORDER.length})`;
  return (
    <div className={shared.row}>
      <progress className={styles.bar} aria-label="Import progress" max={ORDER.length} value={step} />
      <span role="status" className={formControls.muted}>
        {label}
      </span>
      <Button disabled={cancelling} onClick={onCancel}>
        Cancel import
      </Button>
    </div>
  );
}
