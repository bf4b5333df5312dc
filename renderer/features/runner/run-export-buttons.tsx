import { useState } from 'react';
import type { RunReportFormat } from '../../../shared/contract';
import { exportRun } from './export-run';
import { Button } from '../../ui';
import styles from './runner.module.css';

const LABELS: Record<RunReportFormat, string> = { json: 'Export JSON', junit: 'Export JUnit XML', html: 'Export HTML' };

export function RunExportButtons({ runId, name }: { runId: string; name: string }) {
  const [error, setError] = useState<string | null>(null);
  const save = (format: RunReportFormat) => {
    setError(null);
    exportRun(runId, name, format).catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));
  };
  return (
    <div className={styles.exports} role="group" aria-label="Export results">
      {(Object.keys(LABELS) as RunReportFormat[]).map((format) => (
        <Button key={format} onClick={() => save(format)}>
          {LABELS[format]}
        </Button>
      ))}
      {error ? (
        <span role="alert" className={styles.error}>
          {error}
        </span>
      ) : null}
    </div>
  );
}
