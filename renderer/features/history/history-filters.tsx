import styles from './history-filters.module.css';
import shared from './history-shared.module.css';
import { STATUS_CLASSES } from '../../../shared/contract/values';
import { STATUS_CLASS_LABELS, dateRangeProblem, toggleValue, type FilterState } from '../../../shared/history-view';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

interface HistoryFiltersProps {
  id: string;
  state: FilterState;
  onChange: (state: FilterState) => void;
}

/** Method, status class, host, date range and pinned-only: each narrows the list at once. */
export function HistoryFilters({ id, state, onChange }: HistoryFiltersProps) {
  const rangeProblem = dateRangeProblem(state);
  return (
    <div id={id} className={styles.filters}>
      <fieldset className={styles.group}>
        <legend>Method</legend>
        {METHODS.map((method) => (
          <label key={method} className={styles.chipToggle}>
            <input
              type="checkbox"
              checked={state.methods.includes(method)}
              onChange={() => onChange({ ...state, methods: toggleValue(state.methods, method) })}
            />
            {method}
          </label>
        ))}
      </fieldset>
      <fieldset className={styles.group}>
        <legend>Status</legend>
        {STATUS_CLASSES.map((cls) => (
          <label key={cls} className={styles.chipToggle}>
            <input
              type="checkbox"
              checked={state.statusClasses.includes(cls)}
              onChange={() => onChange({ ...state, statusClasses: toggleValue(state.statusClasses, cls) })}
            />
            {STATUS_CLASS_LABELS[cls]}
          </label>
        ))}
      </fieldset>
      <div className={styles.fields}>
        <label className={shared.field}>
          <span>Host</span>
          <input
            type="text"
            value={state.host}
            placeholder="api.example.com or localhost:8080"
            spellCheck={false}
            onChange={(e) => onChange({ ...state, host: e.target.value })}
          />
        </label>
        <label className={shared.field}>
          <span>From date</span>
          <input type="date" value={state.from} onChange={(e) => onChange({ ...state, from: e.target.value })} />
        </label>
        <label className={shared.field}>
          <span>To date</span>
          <input type="date" value={state.to} onChange={(e) => onChange({ ...state, to: e.target.value })} />
        </label>
        <label className={shared.check}>
          <input type="checkbox" checked={state.pinnedOnly} onChange={(e) => onChange({ ...state, pinnedOnly: e.target.checked })} />
          Pinned only
        </label>
      </div>
      {rangeProblem ? (
        <p className={shared.problem} role="alert">
          {rangeProblem}
        </p>
      ) : null}
    </div>
  );
}
