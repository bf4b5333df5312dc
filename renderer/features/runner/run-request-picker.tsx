import { memo } from 'react';
import type { RunRequest } from '../../../shared/runner/requests-to-run';
import { Button } from '../../ui';
import styles from './runner.module.css';

interface RunRequestPickerProps {
  requests: readonly RunRequest[];
  /** the requests left out of the run, by path (everything is ticked until the user unticks it) */
  unticked: ReadonlySet<string>;
  onChange: (unticked: ReadonlySet<string>) => void;
}

/** Which of the collection's or folder's requests the run sends: a checkbox each, in the order they run. */
// memo: the runner re-renders for every batch of results while a run streams in; a thousand checkboxes updated each
// time made most of the window's work then
export const RunRequestPicker = memo(function RunRequestPicker({ requests, unticked, onChange }: RunRequestPickerProps) {
  const toggle = (path: string, ticked: boolean) => {
    const next = new Set(unticked);
    if (ticked) next.delete(path);
    else next.add(path);
    onChange(next);
  };
  const ticked = requests.length - requests.filter((request) => unticked.has(request.path)).length;
  return (
    <fieldset className={styles.picker}>
      <legend>
        Requests ({ticked} of {requests.length})
      </legend>
      <div className={styles.pickerActions}>
        <Button size="small" onClick={() => onChange(new Set())} disabled={ticked === requests.length}>
          Select all
        </Button>
        <Button size="small" onClick={() => onChange(new Set(requests.map((request) => request.path)))} disabled={ticked === 0}>
          Select none
        </Button>
      </div>
      <ul className={styles.pickerList} aria-label="Requests to run">
        {requests.map((request) => (
          <li key={request.path}>
            <label className={styles.check} title={request.folder === '' ? request.name : `${request.folder} / ${request.name}`}>
              <input type="checkbox" checked={!unticked.has(request.path)} onChange={(event) => toggle(request.path, event.target.checked)} />
              <span className={styles.method}>{request.websocket ? 'WS' : request.method}</span>
              <span className={styles.pickerName}>{request.name}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
});
