import type { OAuth2TokenInfo } from '../../../shared/contract';
import { describeTokenExpiry } from '../../../shared/request';
import { useNow } from './use-now';
import { formControls } from '../../ui';
import styles from './oauth2-token-details.module.css';

/** The expiry's colour: none for a token without one. */
const EXPIRY_CLASS: Record<ReturnType<typeof describeTokenExpiry>['state'], string | undefined> = {
  none: undefined,
  valid: styles.valid,
  expiring: styles.expiring,
  expired: styles.expired,
};

interface OAuth2TokenDetailsProps {
  token: OAuth2TokenInfo;
  autoRefresh: boolean;
}

/** What is known of the stored token: never the token itself, only its first and last characters. */
export function OAuth2TokenDetails({ token, autoRefresh }: OAuth2TokenDetailsProps) {
  // every second, so the last minute counts down ("expires in 42 s"); a token without expiry needs no clock
  const now = useNow(1_000, token.expiresAt !== null);
  const expiry = describeTokenExpiry(token.expiresAt, now);
  return (
    <dl className={styles.details}>
      <dt>Access token</dt>
      <dd>
        <code>{token.preview}</code>
      </dd>
      <dt>Type</dt>
      <dd>{token.tokenType}</dd>
      <dt>Scope</dt>
      <dd>{token.scope === null || token.scope === '' ? <span className={formControls.muted}>not stated</span> : <code>{token.scope}</code>}</dd>
      <dt>Expiry</dt>
      <dd>
        <span className={EXPIRY_CLASS[expiry.state]}>{expiry.text}</span>
        {autoRefresh && expiry.state !== 'none' ? <span className={formControls.muted}> · renewed automatically before it expires</span> : null}
      </dd>
      <dt>Refresh token</dt>
      <dd>{token.hasRefreshToken ? 'yes, stored in the vault' : <span className={formControls.muted}>none</span>}</dd>
    </dl>
  );
}
