import { useId } from 'react';
import type { StoredCookie } from '../../../shared/contract';
import type { CookieDomainGroup } from '../../../shared/cookies';
import { Button } from '../../ui';
import { CookieRow } from './cookie-row';
import styles from './cookies.module.css';

interface CookieDomainSectionProps {
  group: CookieDomainGroup;
  busy: boolean;
  onDelete: (cookie: StoredCookie) => void;
  onClear: () => void;
}

/** One domain's cookies as a table, with a button that clears them all. */
export function CookieDomainSection({ group, busy, onDelete, onClear }: CookieDomainSectionProps) {
  const headingId = useId();
  return (
    <section className={styles.domain} aria-labelledby={headingId}>
      <header className={styles.domainHeader}>
        <h3 id={headingId} className={styles.domainName}>
          {group.domain}
        </h3>
        <Button size="small" variant="danger-quiet" disabled={busy} aria-label={`Clear cookies of ${group.domain}`} onClick={onClear}>
          Clear domain
        </Button>
      </header>
      <table className={styles.table} aria-labelledby={headingId}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
            <th scope="col">Path</th>
            <th scope="col">Expires</th>
            <th scope="col">Secure</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {group.cookies.map((cookie) => (
            <CookieRow key={`${cookie.path}\n${cookie.name}`} cookie={cookie} busy={busy} onDelete={() => onDelete(cookie)} />
          ))}
        </tbody>
      </table>
    </section>
  );
}
