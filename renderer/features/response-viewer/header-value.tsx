import { useState } from 'react';
import { formatBytes } from '../../../shared/response';
import { Button } from '../../ui';
import styles from './response-headers.module.css';

/** Beyond this a value wraps to more than a few lines in the Value column of a laptop-sized window. */
const LONG_VALUE_CHARS = 256;

/**
 * A header's value. A long one (a 60 KB cookie or token) would make its row fill the whole tab, so it shows its first
 * lines until "Show all", and then scrolls in a box of its own, reachable with Tab and scrolled with the arrow keys.
 * Copy takes the whole value whatever is on screen; so does selecting it, as the clamped text is all in the page.
 */
export function HeaderValue({ name, value }: { name: string; value: string }) {
  const [expanded, setExpanded] = useState(false);
  const [copied, setCopied] = useState('');
  if (value.length <= LONG_VALUE_CHARS) return <>{value}</>;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('Copied.');
    } catch (error) {
      setCopied(`Could not copy: ${(error as Error).message}`);
    }
  };

  return (
    <div className={styles.longValue}>
      {expanded ? (
        <div className={styles.valueScroll} tabIndex={0} role="region" aria-label={`${name} value`}>
          {value}
        </div>
      ) : (
        <div className={styles.valueClamp}>{value}</div>
      )}
      <div className={styles.valueActions}>
        <Button
          size="small"
          variant="quiet"
          aria-expanded={expanded}
          aria-label={`${expanded ? 'Show less of' : 'Show all of'} ${name}`}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? 'Show less' : `Show all (${formatBytes(new TextEncoder().encode(value).length)})`}
        </Button>
        <Button size="small" variant="quiet" aria-label={`Copy ${name} value`} onClick={() => void copy()}>
          Copy
        </Button>
        <span role="status">{copied}</span>
      </div>
    </div>
  );
}
