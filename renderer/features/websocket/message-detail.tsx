import { useMemo } from 'react';
import type { WsMessage } from '../../../shared/contract';
import { hexDump, prettyJson } from '../../../shared/response';
import { base64ToBytes, formatLogTime } from '../../../shared/websocket';
import { CodeEditor } from '../../ui/monaco';
import { Button } from '../../ui';
import styles from './websocket.module.css';

/** The selected message in full: JSON pretty-printed in Monaco, other text as is, binary as a hex dump. */
export function MessageDetail({ message, onClose }: { message: WsMessage; onClose: () => void }) {
  const content = useMemo(() => {
    if (message.text !== undefined) {
      const pretty = prettyJson(message.text);
      return pretty.ok ? { language: 'json' as const, text: pretty.text } : { language: 'plaintext' as const, text: message.text };
    }
    return { language: 'hex' as const, text: hexDump(base64ToBytes(message.dataBase64 ?? '')).join('\n') };
  }, [message]);
  return (
    <div className={styles.detail} aria-label="Selected message">
      <div className={styles.detailHead}>
        <span>
          {message.direction === 'sent' ? 'Sent' : 'Received'} {message.kind} · {formatLogTime(message.at)} · {message.size} bytes · opcode {message.opcode}
        </span>
        <Button onClick={onClose} aria-label="Close message">
          ×
        </Button>
      </div>
      <div className={styles.detailBody}>
        {content.language === 'hex' ? (
          <pre className={styles.detailHex} aria-label="Message bytes">
            {content.text || '(empty)'}
          </pre>
        ) : (
          <CodeEditor key={message.seq} value={content.text} language={content.language} ariaLabel="Message content" readOnly />
        )}
      </div>
    </div>
  );
}
