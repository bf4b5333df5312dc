import { useId } from 'react';
import { useAllowedEnv, useRevokeEnv } from './allowed-env-queries';
import { Button } from '../../ui';
import styles from './env-permission.module.css';

/**
 * The process environment variables requests may read through {{$env.NAME}}, each with Remove: a removed name is
 * asked for again the next time a request uses it.
 */
export function AllowedEnvList() {
  const headingId = useId();
  const allowed = useAllowedEnv();
  const revoke = useRevokeEnv();
  const names = allowed.data ?? [];
  return (
    <section className={styles.allowed} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>
        Allowed process environment variables
      </h3>
      {allowed.isError ? (
        <p role="alert">{allowed.error.message}</p>
      ) : names.length === 0 ? (
        <p className={styles.empty}>None. A request that uses {'{{$env.NAME}}'} asks before reading NAME.</p>
      ) : (
        <ul className={styles.list} aria-labelledby={headingId}>
          {names.map((name) => (
            <li key={name} className={styles.item}>
              <code>{name}</code>
              <Button size="small" aria-label={`Remove ${name}`} disabled={revoke.isPending} onClick={() => revoke.mutate(name)}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      {revoke.isError ? <p role="alert">{revoke.error.message}</p> : null}
    </section>
  );
}
