import { useEffect, useId, useRef } from 'react';
import type { OAuth2Auth } from '../../../shared/contract';
import { OAuth2Error } from './oauth2-error';
import { OAuth2TokenDetails } from './oauth2-token-details';
import type { OAuth2TokenState } from './use-oauth2-token';
import { Button } from '../../ui';
import styles from './oauth2-token-box.module.css';

interface OAuth2TokenBoxProps {
  auth: OAuth2Auth;
  oauth: OAuth2TokenState;
}

/** The token these settings give: what the vault holds, and Get token / Refresh / Clear. */
export function OAuth2TokenBox({ auth, oauth }: OAuth2TokenBoxProps) {
  const headingId = useId();
  const { token, flow, busy } = oauth;
  const working = busy !== null || flow !== null;
  const codeGrant = auth.grant === 'authorization_code';
  const waitingRef = useRef<HTMLDivElement>(null);
  // the box is at the bottom of a long form: make sure the waiting line and its Cancel are in view
  useEffect(() => {
    if (flow) waitingRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [flow]);
  return (
    <section className={styles.box} aria-labelledby={headingId} aria-busy={working || oauth.loading}>
      <h3 id={headingId} className={styles.title}>
        Token
      </h3>
      {token ? (
        <OAuth2TokenDetails token={token} autoRefresh={auth.autoRefresh} />
      ) : (
        <p className={styles.empty}>
          {oauth.loading
            ? 'Looking for a stored token…'
            : codeGrant
              ? 'No token yet. Get token opens the sign-in page in your browser.'
              : 'No token yet. Get token asks the token endpoint for one.'}
        </p>
      )}
      {oauth.statusError && !token ? <OAuth2Error error={oauth.statusError} /> : null}
      {flow ? (
        <div ref={waitingRef} className={styles.waiting} role="status">
          <span className={styles.spinner} aria-hidden="true" />
          <span>Waiting for the browser…</span>
          <Button size="small" onClick={oauth.cancelFlow}>
            Cancel
          </Button>
          <span className={styles.link}>
            {flow.openedExternally ? 'Sign in in your browser. Not there? ' : 'Sign in in the new tab. No tab opened? '}
            <a href={flow.authorizationUrl} target="_blank" rel="noopener noreferrer">
              Open the sign-in page
            </a>
          </span>
        </div>
      ) : null}
      <div className={styles.actions}>
        <Button variant="primary" disabled={working} onClick={oauth.getToken}>
          {busy === 'get' && !flow ? 'Getting token…' : 'Get token'}
        </Button>
        <Button disabled={working || !token} onClick={oauth.refresh}>
          {busy === 'refresh' ? 'Refreshing…' : 'Refresh'}
        </Button>
        <Button disabled={working || !token} onClick={oauth.clear}>
          Clear
        </Button>
      </div>
      {oauth.error ? <OAuth2Error error={oauth.error} /> : null}
    </section>
  );
}
