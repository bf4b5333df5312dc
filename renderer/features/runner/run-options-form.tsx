import { memo, useMemo, useState, type FormEvent } from 'react';
import type { RunStartInput } from '../../../shared/contract';
import { requestsToRun } from '../../../shared/runner/requests-to-run';
import { useWorkspaceTree } from '../collections';
import { useVariablesState } from '../environments';
import { Button, Field } from '../../ui';
import { RunRequestPicker } from './run-request-picker';
import styles from './runner.module.css';

interface RunOptionsFormProps {
  paths: readonly string[];
  /** the collection's or folder's name: a run of some of its requests keeps it */
  name: string;
  running: boolean;
  onRun: (input: RunStartInput) => void;
  onCancel: () => void;
}

const whole = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));

/** What a run needs besides what to run: iterations, a data file, pacing, bail and the environment for this run. */
// memo: nothing here changes while results stream in, which re-render the runner every batch
export const RunOptionsForm = memo(function RunOptionsForm({ paths, name, running, onRun, onCancel }: RunOptionsFormProps) {
  const variables = useVariablesState();
  const tree = useWorkspaceTree();
  const requests = useMemo(() => requestsToRun(tree.data?.nodes ?? [], paths), [tree.data, paths]);
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  // a request unticked and then deleted or moved no longer counts
  const leftOut = requests.filter((request) => unticked.has(request.path));
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
      // all ticked: the collection or folder itself (the kept run names it as such); otherwise the ticked requests
      ...(leftOut.length === 0
        ? { paths: [...paths] }
        : { paths: requests.filter((request) => !unticked.has(request.path)).map((request) => request.path), name }),
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
      {requests.length > 0 ? <RunRequestPicker requests={requests} unticked={unticked} onChange={setUnticked} /> : null}
      <Field label="Iterations" className={styles.field}>
        {(field) => (
          <input
            {...field}
            type="number"
            min={1}
            max={100000}
            value={iterations}
            placeholder="per data row"
            onChange={(event) => setIterations(event.target.value)}
          />
        )}
      </Field>
      <Field label="Data file (CSV or JSON)" error={dataError} className={styles.field}>
        {(field) => <input {...field} type="file" accept=".csv,.json,text/csv,application/json" onChange={(event) => void pickData(event.target.files?.[0])} />}
      </Field>
      <Field label="Delay (ms)" className={styles.field}>
        {(field) => <input {...field} type="number" min={0} max={600000} value={delay} onChange={(event) => setDelay(event.target.value)} />}
      </Field>
      <Field label="Requests per second (cap)" className={styles.field}>
        {(field) => (
          <input {...field} type="number" min={0} max={10000} step="any" value={rps} placeholder="no cap" onChange={(event) => setRps(event.target.value)} />
        )}
      </Field>
      <Field label="Longest rate-limit wait (s)" className={styles.field}>
        {(field) => <input {...field} type="number" min={0} max={3600} value={maxWait} onChange={(event) => setMaxWait(event.target.value)} />}
      </Field>
      <Field label="Environment" className={styles.field}>
        {(field) => (
          <select {...field} value={environment} onChange={(event) => setEnvironment(event.target.value)}>
            <option value="">The active one</option>
            {(variables.data?.environments ?? []).map((env) => (
              <option key={env.id} value={env.id}>
                {env.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className={styles.check}>
        <input type="checkbox" checked={bail} onChange={(event) => setBail(event.target.checked)} />
        Stop on first failure
      </label>
      <div className={styles.actions}>
        {running ? (
          <Button onClick={onCancel}>Cancel run</Button>
        ) : (
          <Button
            type="submit"
            variant="primary"
            data-autofocus
            disabled={requests.length > 0 && leftOut.length === requests.length}
            title={requests.length > 0 && leftOut.length === requests.length ? 'Tick at least one request' : undefined}
          >
            Run
          </Button>
        )}
      </div>
    </form>
  );
});
