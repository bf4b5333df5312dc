import { useState, type ReactNode } from 'react';
import { readEnvNotAllowed } from '../../../shared/variables';
import { useAllowEnv } from './allowed-env-queries';
import { Button } from '../../ui';
import styles from './env-permission.module.css';

interface EnvPermissionNoticeProps {
  /** the refusal; anything but ENV_NOT_ALLOWED shows nothing */
  error: { code: string; message: string; detail?: string } | null;
  /** what wanted the variables, for the sentence: "This request (GET https://…)", "This WebSocket connection" */
  subject: ReactNode;
  /** "Allow and send", "Allow and connect", "Allow and retry" */
  allowLabel: string;
  /** runs again once the names are allowed */
  onAllowed: () => void;
}

/**
 * Asked when something refused with ENV_NOT_ALLOWED ({{$env.NAME}} not on the allow-list): which variables, for
 * which host. Allow adds them (the main process keeps the list) and runs again; Deny leaves it as it is. The same
 * for an HTTP send, a WebSocket connection and a GraphQL introspection or subscription.
 */
export function EnvPermissionNotice({ error, subject, allowLabel, onAllowed }: EnvPermissionNoticeProps) {
  const [dismissed, setDismissed] = useState<object | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const allowEnv = useAllowEnv();
  if (error === null || dismissed === error) return null;
  const asked = readEnvNotAllowed(error);
  if (asked === null) return null;
  const plural = asked.names.length > 1;
  const descriptionId = `env-permission-${asked.host}-${asked.names.join('-')}`.replace(/[^A-Za-z0-9_-]/g, '_');

  const allow = async () => {
    setFailure(null);
    try {
      await allowEnv.mutateAsync(asked.names);
      setDismissed(error);
      onAllowed();
    } catch (cause) {
      setFailure(cause instanceof Error ? cause.message : String(cause));
    }
  };

  return (
    <div className={styles.notice} role="alertdialog" aria-label="Allow environment variable" aria-describedby={descriptionId}>
      <p id={descriptionId}>
        {subject} to <strong>{asked.host}</strong> wants the environment variable{plural ? 's' : ''}{' '}
        {asked.names.map((name, index) => (
          <span key={name}>
            {index > 0 ? ', ' : ''}
            <code>{name}</code>
          </span>
        ))}
        . {plural ? 'Their values are' : 'Its value is'} sent as a secret: masked in the window, history and exports.
      </p>
      {failure ? <p role="alert">{failure}</p> : null}
      <span className={styles.actions}>
        <Button variant="primary" disabled={allowEnv.isPending} onClick={() => void allow()}>
          {allowLabel}
        </Button>
        <Button disabled={allowEnv.isPending} onClick={() => setDismissed(error)}>
          Deny
        </Button>
      </span>
    </div>
  );
}
