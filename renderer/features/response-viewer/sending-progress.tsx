import { useEffect, useState } from 'react';
import { type HttpProgress } from '../../../shared/contract';
import { formatDuration, formatProgress } from '../../../shared/response';
import styles from './request-failure.module.css';

const PHASE_LABELS: Record<HttpProgress['phase'], string> = {
  dns: 'Looking up the host',
  connecting: 'Connecting',
  tls: 'Securing the connection',
  sending: 'Sending the request',
  waiting: 'Waiting for the response',
  downloading: 'Receiving the response',
  redirecting: 'Following a redirect',
};

/** How long a download may bring nothing before it is said: a server that stalls looks like a slow one otherwise. */
export const STALL_AFTER_MS = 3_000;

/** Since when the byte count stood still, while the body downloads (null when it moves or nothing downloads yet). */
function useStalledSince(progress: HttpProgress | null, now: number): number | null {
  const bytes = progress?.phase === 'downloading' ? progress.bytesReceived : null;
  const [mark, setMark] = useState<{ bytes: number; at: number } | null>(null);
  // kept in step with the count as it renders (React's pattern for state derived from a changing prop)
  const current = bytes === null ? null : mark !== null && mark.bytes === bytes ? mark : { bytes, at: now };
  if (current !== mark) setMark(current);
  return current !== null && now - current.at >= STALL_AFTER_MS ? current.at : null;
}

/** `inline`: one line beside the status of a response whose head has come (see PartialResponseView). */
export function SendingProgress({ startedAt, progress, inline = false }: { startedAt: number; progress: HttpProgress | null; inline?: boolean }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const phase = progress ? PHASE_LABELS[progress.phase] : 'Sending the request';
  const expected = progress?.bytesExpected ?? null;
  const received = progress?.bytesReceived ?? 0;
  const stalledSince = useStalledSince(progress, now);
  const stalled =
    stalledSince === null ? null : (
      <span className={styles.stalled} data-testid="response-stalled">
        {' '}
        · nothing received for {formatDuration(Math.floor((now - stalledSince) / 1000) * 1000)}
      </span>
    );
  if (inline)
    return (
      <p className={styles.inline} role="status" aria-live="polite">
        {phase}… <span className={styles.elapsed}>{formatDuration(Math.max(0, now - startedAt))}</span> ·{' '}
        <span data-testid="response-received-so-far">{formatProgress(received, expected)} so far</span>
        {stalled}
        {expected ? <progress className={styles.inlineBar} aria-label="Response download progress" max={expected} value={received} /> : null}
      </p>
    );
  return (
    <div className={styles.sending} role="status" aria-live="polite">
      <p>
        {phase}… <span className={styles.elapsed}>{formatDuration(Math.max(0, now - startedAt))}</span>
      </p>
      {progress && (progress.phase === 'downloading' || received > 0) && (
        <>
          <progress
            className={styles.progressBar}
            aria-label="Response download progress"
            max={expected ?? undefined}
            value={expected ? received : undefined}
          />
          <p>
            {formatProgress(received, expected)} received{stalled}
          </p>
        </>
      )}
    </div>
  );
}
