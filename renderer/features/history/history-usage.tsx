import { useState } from 'react';
import type { HistoryRetention } from '../../../shared/contract';
import { parseRetentionForm, retentionToForm, usageLine, type RetentionForm } from '../../../shared/history-view';
import { toBridgeErrorMessage } from './error-message';
import { useHistoryUsage, useSetRetention } from './history-queries';
import { Button } from '../../ui';
import styles from './history-usage.module.css';
import shared from './history-shared.module.css';

/** How much history there is against the retention limits, and a small form to change the limits. */
export function HistoryUsage() {
  const usage = useHistoryUsage();
  const [editing, setEditing] = useState(false);
  return (
    <div className={styles.usage}>
      <p className={styles.usageLine} data-testid="history-usage">
        {usage.data ? usageLine(usage.data) : usage.isError ? 'Usage unavailable' : 'Counting…'}
      </p>
      <button
        type="button"
        className={shared.link}
        aria-expanded={editing}
        aria-controls={editing ? 'hp-retention' : undefined}
        onClick={() => setEditing((v) => !v)}
      >
        Retention settings
      </button>
      {editing && usage.data ? (
        <RetentionEditor key={JSON.stringify(usage.data.retention)} retention={usage.data.retention} onDone={() => setEditing(false)} />
      ) : null}
      {usage.isError ? (
        <p className={shared.problem} role="alert">
          {toBridgeErrorMessage(usage.error)}
        </p>
      ) : null}
    </div>
  );
}

function RetentionEditor({ retention, onDone }: { retention: HistoryRetention; onDone: () => void }) {
  const [form, setForm] = useState<RetentionForm>(() => retentionToForm(retention));
  const [problems, setProblems] = useState<{ maxEntries?: string; maxBodyMb?: string }>({});
  const save = useSetRetention();
  return (
    <form
      id="hp-retention"
      className={styles.retention}
      aria-label="Retention settings"
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = parseRetentionForm(form);
        if (!parsed.ok) {
          setProblems(parsed.problems);
          return;
        }
        setProblems({});
        save.mutate(parsed.retention, { onSuccess: onDone });
      }}
    >
      <p className={styles.retentionHint}>The oldest unpinned entries are removed first when either limit is reached.</p>
      <label className={shared.field}>
        <span>Max entries</span>
        <input
          type="number"
          min={10}
          step={1}
          value={form.maxEntries}
          aria-invalid={problems.maxEntries ? true : undefined}
          onChange={(e) => setForm({ ...form, maxEntries: e.target.value })}
        />
      </label>
      {problems.maxEntries ? (
        <p className={shared.problem} role="alert">
          {problems.maxEntries}
        </p>
      ) : null}
      <label className={shared.field}>
        <span>Max body storage (MB)</span>
        <input
          type="number"
          min={1}
          step="any"
          value={form.maxBodyMb}
          aria-invalid={problems.maxBodyMb ? true : undefined}
          onChange={(e) => setForm({ ...form, maxBodyMb: e.target.value })}
        />
      </label>
      {problems.maxBodyMb ? (
        <p className={shared.problem} role="alert">
          {problems.maxBodyMb}
        </p>
      ) : null}
      {save.isError ? (
        <p className={shared.problem} role="alert">
          {toBridgeErrorMessage(save.error)}
        </p>
      ) : null}
      <div className={styles.retentionActions}>
        <Button onClick={onDone}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={save.isPending}>
          Save limits
        </Button>
      </div>
    </form>
  );
}
