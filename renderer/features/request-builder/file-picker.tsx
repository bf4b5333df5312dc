import { useState } from 'react';
import type { FileRef } from '../../../shared/contract';
import { base64ByteLength } from '../../../shared/request';
import { formatBytes } from '../../../shared/response';
import { InlineMessage, buttonClass, formControls } from '../../ui';
import { readFileRef } from './read-file-ref';
import styles from './request-builder.module.css';

interface FilePickerProps {
  /** accessible name of the file input, e.g. "Body file" */
  label: string;
  file: FileRef | null;
  onChange: (file: FileRef | null) => void;
}

/**
 * A file input that shows the file we hold rather than the browser's "No file chosen", which would be wrong after
 * switching tabs (a file input cannot be given a value back).
 */
export function FilePicker({ label, file, onChange }: FilePickerProps) {
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);

  return (
    <div className={styles.file}>
      <label className={buttonClass()}>
        {file ? 'Replace file…' : 'Choose file…'}
        <input
          type="file"
          className="visually-hidden"
          aria-label={label}
          onChange={(event) => {
            const picked = event.target.files?.[0];
            event.target.value = '';
            if (!picked) return;
            setError(null);
            setReading(true);
            readFileRef(picked)
              .then(onChange, (reason: unknown) => setError(reason instanceof Error ? reason.message : 'Could not read the file.'))
              .finally(() => setReading(false));
          }}
        />
      </label>
      {reading ? <span className={styles.fileName}>Reading…</span> : null}
      {file && !reading ? (
        <>
          <span className={styles.fileName} title={file.fileName}>
            {file.fileName}{' '}
            <span className={formControls.muted}>
              ({formatBytes(base64ByteLength(file.dataBase64))}, {file.contentType})
            </span>
          </span>
          <button type="button" className="ui-icon-button" aria-label={`Remove file ${file.fileName}`} title="Remove file" onClick={() => onChange(null)}>
            ×
          </button>
        </>
      ) : null}
      {!file && !reading ? <span className={formControls.muted}>No file chosen</span> : null}
      {error ? <InlineMessage tone="error">{error}</InlineMessage> : null}
    </div>
  );
}
