import { useEffect, useState } from 'react';
import { type HttpExchange } from '../../../shared/contract';
import { recordCountText, suggestedFileName } from '../../../shared/response';
import { saveBlob } from '../../lib/save-blob';
import { Button, Toolbar } from '../../ui';
import { SecretBodyConfirm, type SecretBodyAction } from './secret-body-confirm';
import { type ResponseBody } from './use-response-body';
import styles from './response-body.module.css';

interface BodyToolbarProps {
  exchange: HttpExchange;
  body: ResponseBody;
  htmlMode: 'preview' | 'source';
  onHtmlMode: (mode: 'preview' | 'source') => void;
}

export function BodyToolbar({ exchange, body, htmlMode, onHtmlMode }: BodyToolbarProps) {
  const { view, kind } = body;
  const [message, setMessage] = useState('');
  const [asking, setAsking] = useState<SecretBodyAction | null>(null);
  const containsSecret = exchange.body.containsSecret === true;
  const textual = kind !== null && kind !== 'image' && kind !== 'binary';

  // A confirmation is news for a moment, not a permanent label.
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(''), 4000);
    return () => clearTimeout(timer);
  }, [message]);

  const save = async () => {
    try {
      const blob = await body.getBlob();
      saveBlob(blob, suggestedFileName(exchange.request.url, exchange.body.contentType));
      setMessage('Saved.');
    } catch (error) {
      setMessage(`Could not save: ${(error as Error).message}`);
    }
  };

  // Copy takes what is on screen, as Postman's does: the formatted text in Pretty, the body as received in Raw.
  const showsPretty = view.status === 'text' && view.variant === 'pretty';
  const copy = async () => {
    try {
      const blob = view.status === 'text' && view.variant === 'pretty' ? new Blob([...view.source.chunks]) : await body.getBlob();
      await navigator.clipboard.writeText(await blob.text());
      setMessage(showsPretty ? 'Copied the formatted body.' : 'Copied the body as received.');
    } catch (error) {
      setMessage(`Could not copy: ${(error as Error).message}`);
    }
  };

  // A body that echoes a secret is shown as it is, but leaves Courier only once the user says so.
  const run = (action: SecretBodyAction) => {
    if (containsSecret) setAsking(action);
    else void (action === 'save' ? save() : copy());
  };

  return (
    <Toolbar className={styles.toolbar} aria-label="Body actions">
      {view.status === 'text' && kind === 'html' && (
        <div role="group" aria-label="HTML view" className={styles.segmented}>
          <Button size="small" className={styles.segment} aria-pressed={htmlMode === 'preview'} onClick={() => onHtmlMode('preview')}>
            Preview
          </Button>
          <Button size="small" className={styles.segment} aria-pressed={htmlMode === 'source'} onClick={() => onHtmlMode('source')}>
            Source
          </Button>
        </div>
      )}
      {view.status === 'text' && body.canPretty && (
        <div role="group" aria-label="Body format" className={styles.segmented}>
          <Button size="small" className={styles.segment} aria-pressed={view.variant === 'pretty'} onClick={() => body.setVariant('pretty')}>
            Pretty
          </Button>
          <Button size="small" className={styles.segment} aria-pressed={view.variant === 'raw'} onClick={() => body.setVariant('raw')}>
            Raw
          </Button>
        </div>
      )}
      {view.status === 'text' && body.records && <span className={styles.records}>{recordCountText(body.records)}</span>}
      <span className={styles.spacer} />
      {view.status === 'not-loaded' && (
        <Button size="small" onClick={body.loadAnyway}>
          Load anyway
        </Button>
      )}
      {containsSecret && (
        <span className={styles.secret} title="The response repeats a secret value this request sent">
          Contains a secret
        </span>
      )}
      <Button size="small" onClick={() => run('save')} disabled={view.status === 'loading'}>
        Save
      </Button>
      {textual && (
        <Button
          size="small"
          onClick={() => run('copy')}
          disabled={view.status === 'loading'}
          title={showsPretty ? 'Copy the body as shown, formatted (Raw copies it as received)' : 'Copy the body as received'}
        >
          Copy
        </Button>
      )}
      <SecretBodyConfirm action={asking} onConfirm={() => void (asking === 'copy' ? copy() : save())} onClose={() => setAsking(null)} />
      <span className={styles.message} role="status">
        {message}
      </span>
    </Toolbar>
  );
}
