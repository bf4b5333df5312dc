import { useState, type FormEvent } from 'react';
import type { RunStartInput } from '../../../shared/contract';
import { useVariablesState } from '../environments';
import styles from './runner.module.css';

interface RunOptionsFormProps {
  paths: readonly string[];
  running: boolean;
  onRun: (input: RunStartInput) => void;
  onCancel: () => void;
}

const whole = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));

/** What a run needs besides what to run: iterations, a data file, pacing, bail and the environment for this run. */
export function RunOptionsForm({ paths, running, onRun, onCancel }: RunOptionsFormProps) {
  const variables = useVariablesState();
  const [iterations, setIterations] = useState('1');
  const [delay, setDelay] = useState('0');
  const [rps, setRps] = useState('');
  const [maxWait, setMaxWait] = useState('60');
  const [bail, setBail] = useState(false);
  const [environment, setEnvironment] = useState('');
  const [data, setData] = useState<{ text: string; name: string } | null>(null);
  const [dataError, setDataError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const count = whole(iterations);
    const rate = whole(rps);
    const wait = whole(maxWait);
    onRun({
      paths: [...paths],
      // with a data file and no count, one iteration per row (the engine's default)
      ...(count === undefined ? {} : { iterations: count }),
      ...(data === null ? {} : { data }),
      delayMs: whole(delay) ?? 0,
      bail,
      ...(environment === '' ? {} : { environment }),
      ...(rate === undefined || rate === 0 ? {} : { requestsPerSecond: rate }),
      ...(wait === undefined ? {} : { maxRateLimitWaitMs: Math.round(wait * 1000) }),
    });
  };

  const pickData = async (file: File | undefined) => {
    setDataError(null);
    if (!file) return setData(null);
    if (!/\.(csv|json)$/i.test(file.name)) {
      setData(null);
      return setDataError('A data file is a .csv or a .json file.');
    }
    setData({ text: await file.text(), name: file.name });
    // a data file sets the number of iterations unless the user asks otherwise
    setIterations('');
  };

  return (
    <form className={styles.options} aria-label="Run options" onSubmit={submit}>
      <label className={styles.field}>
        Iterations
        <input type="number" min={1} max={100000} value={iterations} placeholder="per data row" onChange={(event) => setIterations(event.target.value)} />
      </label>
      <label className={styles.field}>
        Data file (CSV or JSON)
        <input type="file" accept=".csv,.json,text/csv,application/json" onChange={(event) => void pickData(event.target.files?.[0])} />
      </label>
      <label className={styles.field}>
        Delay (ms)
        <input type="number" min={0} max={600000} value={delay} onChange={(event) => setDelay(event.target.value)} />
      </label>
      <label className={styles.field}>
        Requests per second (cap)
        <input type="number" min={0} max={10000} step="any" value={rps} placeholder="no cap" onChange={(event) => setRps(event.target.value)} />
      </label>
      <label className={styles.field}>
        Longest rate-limit wait (s)
        <input type="number" min={0} max={3600} value={maxWait} onChange={(event) => setMaxWait(event.target.value)} />
      </label>
      <label className={styles.field}>
        Environment
        <select value={environment} onChange={(event) => setEnvironment(event.target.value)}>
          <option value="">The active one</option>
          {(variables.data?.environments ?? []).map((env) => (
            <option key={env.id} value={env.id}>
              {env.name}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.check}>
        <input type="checkbox" checked={bail} onChange={(event) => setBail(event.target.checked)} />
        Stop on first failure
      </label>
      {dataError ? (
        <p role="alert" className={styles.error}>
          {dataError}
        </p>
      ) : null}
      <div className={styles.actions}>
        {running ? (
          <button type="button" className={styles.button} onClick={onCancel}>
            Cancel run
          </button>
        ) : (
          <button type="submit" className={`${styles.button} ${styles.primary}`} data-autofocus>
            Run
          </button>
        )}
      </div>
    </form>
  );
}
