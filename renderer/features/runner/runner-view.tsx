import { useCallback, useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { RunStartInput, RunSummary } from '../../../shared/contract';
import { call } from '../../lib/bridge';
import { Button, Dialog } from '../../ui';
import { KeptRuns, keptRunsKey } from './kept-runs';
import { RunCompare } from './run-compare';
import { RunOptionsForm } from './run-options-form';
import { RunResultsPane } from './run-results-pane';
import { useRunStream } from './use-run-stream';
import styles from './runner.module.css';

export interface RunTarget {
  /** what to run: a collection's or folder's workspace path */
  paths: string[];
  name: string;
}

/**
 * The collection runner in a window-sized dialog. It stays mounted while hidden ("Open in response
 * viewer" hides it), so a run goes on and its results are still there when the user comes back.
 */
export function RunnerView({
  target,
  open,
  onHide,
  onClose,
  onOpenEntry,
}: {
  target: RunTarget;
  open: boolean;
  onHide: () => void;
  onClose: () => void;
  onOpenEntry?: (historyId: number) => void;
}) {
  const stream = useRunStream();
  const client = useQueryClient();
  const [view, setView] = useState<'results' | 'kept'>('results');
  const [comparing, setComparing] = useState<[RunSummary, RunSummary] | null>(null);
  const collection = target.paths[0]!.split('/')[0]!;
  const running = stream.run.status === 'starting' || stream.run.status === 'running';

  // a finished run joins the kept list
  useEffect(() => {
    if (stream.run.status === 'finished') void client.invalidateQueries({ queryKey: keptRunsKey(collection) });
  }, [stream.run.status, client, collection]);

  const { start } = stream;
  const startRun = useCallback((input: RunStartInput) => void start(input).then(() => setView('results')), [start]);

  const openKept = async (summary: RunSummary) => {
    const kept = await call('runner.get', { runId: summary.id });
    stream.show(summary, kept.requests);
    setView('results');
  };

  return (
    <Dialog
      open={open}
      // Escape hides (the run goes on); Close runner ends the view
      onClose={onHide}
      keepMounted
      layout="panel"
      className={styles.dialog}
      title={`Run “${target.name}”`}
      headerControls={
        <>
          <div role="tablist" aria-label="Runner views" className={styles.tabs}>
            <button type="button" role="tab" aria-selected={view === 'results'} className={styles.tab} onClick={() => setView('results')}>
              Results
            </button>
            <button type="button" role="tab" aria-selected={view === 'kept'} className={styles.tab} onClick={() => setView('kept')}>
              Kept runs
            </button>
          </div>
          <Button onClick={onHide}>Hide</Button>
          <Button onClick={onClose} disabled={running} title={running ? 'Cancel the run first' : undefined}>
            Close runner
          </Button>
        </>
      }
    >
      <div className={styles.body}>
        <RunOptionsForm paths={target.paths} name={target.name} running={running} onRun={startRun} onCancel={stream.cancel} />
        <div className={styles.main}>
          {view === 'results' ? (
            <RunResultsPane key={stream.run.runId ?? 'new'} stream={stream} onOpenEntry={onOpenEntry} />
          ) : comparing ? (
            <RunCompare before={comparing[0]} after={comparing[1]} onClose={() => setComparing(null)} />
          ) : (
            <KeptRuns collection={collection} onOpen={(summary) => void openKept(summary)} onCompare={(before, after) => setComparing([before, after])} />
          )}
        </div>
      </div>
    </Dialog>
  );
}
