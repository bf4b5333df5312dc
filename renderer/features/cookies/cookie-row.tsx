import { useState } from 'react';
import type { StoredCookie } from '../../../shared/contract';
import { cookieScope, formatCookieExpiry } from '../../../shared/cookies';
import { Button } from '../../ui';
import styles from './cookies.module.css';

const MASK = '••••••••';

/** One cookie: its value masked until Reveal (a session cookie is as good as a password), and Delete. */
export function CookieRow({ cookie, busy, onDelete }: { cookie: StoredCookie; busy: boolean; onDelete: () => void }) {
  const [revealed, setRevealed] = useState(false);
  return (
    <tr>
      <th scope="row" className={styles.name} title={cookieScope(cookie)}>
        {cookie.name}
      </th>
      <td>
        <div className={styles.value}>
          <code>{revealed ? cookie.value : MASK}</code>
          <Button size="small" variant="quiet" aria-pressed={revealed} aria-label={`Reveal value of ${cookie.name}`} onClick={() => setRevealed(!revealed)}>
            {revealed ? 'Hide' : 'Reveal'}
          </Button>
        </div>
      </td>
      <td>
        <code>{cookie.path}</code>
      </td>
      <td>{formatCookieExpiry(cookie.expires)}</td>
      <td>{cookie.secure ? 'Yes' : 'No'}</td>
      <td className={styles.rowActions}>
        <Button size="small" variant="danger-quiet" disabled={busy} aria-label={`Delete cookie ${cookie.name}`} onClick={onDelete}>
          Delete
        </Button>
      </td>
    </tr>
  );
}
