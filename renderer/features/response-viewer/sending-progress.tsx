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
  if (inline)
    return (
      <p className={styles.inline} role="status" aria-live="polite">
        {phase}… <span className={styles.elapsed}>{formatDuration(Math.max(0, now - startedAt))}</span> ·{' '}
        <span data-testid="response-received-so-far">{formatProgress(received, expected)} so far</span>
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
          <p>{formatProgress(received, expected)} received</p>
        </>
      )}
    </div>
  );
}
