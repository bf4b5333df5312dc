import { useEffect, useState } from 'react';
import type { RateLimitWait } from './use-run-stream';
import styles from './runner.module.css';

/** "Rate limited (Retry-After): sending A again in 3 s", ticking between the run's once-a-second events. */
export function RateLimitCountdown({ wait }: { wait: RateLimitWait }) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil((wait.remainingMs - (now - wait.receivedAt)) / 1000));
  return (
    <p className={styles.wait} role="timer" aria-label="Rate limit countdown">
      Rate limited ({wait.source}): sending {wait.name} again in {seconds} s
    </p>
  );
}
