import type { HttpProgress } from '../../../shared/contract';
import { describeProgress } from '../../../shared/request';

/** What the request in flight is doing: the phase, then bytes received of expected on downloads. */
export function SendProgress({ progress }: { progress: HttpProgress | null }) {
  const summary = describeProgress(progress);
  return (
    <div className="rb-progress" role="status" aria-live="polite">
      <progress
        className="rb-progress__bar"
        aria-label="Request progress"
        max={1}
        value={summary.fraction ?? undefined}
      />
      <span className="rb-progress__label">{summary.label}…</span>
    </div>
  );
}
