import styles from './response-body.module.css';

/** The first lines of a body as plain text: shown at once while the editor loads, or instead of it for huge bodies. */
export function BodyTextPreview({ text }: { text: string }) {
  return (
    <pre className={styles.preview} aria-label="Body preview" tabIndex={0}>
      {text}
    </pre>
  );
}
