import { useMemo } from 'react';
import { type DocumentSource } from '../../ui/monaco';
import styles from './response-body.module.css';

/**
 * The page rendered in a fully sandboxed frame: `sandbox=""` means no scripts, no same-origin access, no forms,
 * no popups, no top navigation. A response is untrusted content; it must not run code inside the app.
 */
export function HtmlPreview({ source }: { source: DocumentSource }) {
  const html = useMemo(() => {
    // the body worker already decoded the page in its declared charset (textDecoderFor); its chunks are that text as UTF-8
    const decoder = new TextDecoder();
    return source.chunks.map((chunk, i) => decoder.decode(chunk, { stream: i < source.chunks.length - 1 })).join('');
  }, [source]);
  return <iframe className={styles.html} title="HTML preview" sandbox="" srcDoc={html} referrerPolicy="no-referrer" />;
}
