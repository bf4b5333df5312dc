import { useId } from 'react';
import { useAllowedEnv, useRevokeEnv } from './allowed-env-queries';
import './env-permission.css';

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
    <section className="env-allowed" aria-labelledby={headingId}>
      <h3 id={headingId} className="env-allowed__heading">
        Allowed process environment variables
      </h3>
      {allowed.isError ? (
        <p role="alert">{allowed.error.message}</p>
      ) : names.length === 0 ? (
        <p className="env-allowed__empty">None. A request that uses {'{{$env.NAME}}'} asks before reading NAME.</p>
      ) : (
        <ul className="env-allowed__list" aria-labelledby={headingId}>
          {names.map((name) => (
            <li key={name} className="env-allowed__item">
              <code>{name}</code>
              <button type="button" aria-label={`Remove ${name}`} disabled={revoke.isPending} onClick={() => revoke.mutate(name)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {revoke.isError ? <p role="alert">{revoke.error.message}</p> : null}
    </section>
  );
}
