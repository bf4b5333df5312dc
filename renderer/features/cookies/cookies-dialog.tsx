import { groupByDomain } from '../../../shared/cookies';
import { Button, Dialog } from '../../ui';
import { CookieDomainSection } from './cookie-domain-section';
import { useClearCookies, useCookies, useDeleteCookie } from './cookie-queries';
import styles from './cookies.module.css';

/**
 * The cookie jar: what responses set and Courier sends back, by domain. It lives in memory for this run of Courier;
 * a cookie goes when it expires, when it is deleted here, or when Courier quits.
 */
export function CookiesDialog({ onClose }: { onClose: () => void }) {
  const cookies = useCookies();
  const remove = useDeleteCookie();
  const clear = useClearCookies();
  const groups = groupByDomain(cookies.data ?? []);
  const busy = remove.isPending || clear.isPending;
  const failure = cookies.error ?? remove.error ?? clear.error;
  return (
    <Dialog
      open
      title="Cookies"
      onClose={onClose}
      size="xlarge"
      description="Cookies responses have set, sent back with every request that matches them. Kept in memory until Courier quits."
      error={failure ? failure.message : undefined}
      actions={
        <>
          <Button variant="danger-quiet" disabled={busy || groups.length === 0} onClick={() => clear.mutate(undefined)}>
            Clear all cookies
          </Button>
          <Button variant="primary" data-autofocus onClick={onClose}>
            Close
          </Button>
        </>
      }
    >
      <div className={styles.list}>
        {cookies.isPending ? (
          <p className={styles.empty}>Loading cookies…</p>
        ) : groups.length === 0 ? (
          <p className={styles.empty}>No cookies. A response&apos;s Set-Cookie is kept here for the requests that follow.</p>
        ) : (
          groups.map((group) => (
            <CookieDomainSection
              key={group.domain}
              group={group}
              busy={busy}
              onDelete={(cookie) => remove.mutate({ domain: cookie.domain, path: cookie.path, name: cookie.name })}
              onClear={() => clear.mutate(group.domain)}
            />
          ))
        )}
      </div>
    </Dialog>
  );
}
