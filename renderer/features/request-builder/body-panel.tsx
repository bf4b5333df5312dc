import { Suspense } from 'react';
import type { HttpRequestSpec } from '../../../shared/contract';
import type { BodyDraft, KeyValueRow } from '../../../shared/request';
import { contentTypeNote, createRow } from '../../../shared/request';
import { InlineMessage, KeyValueTable, formControls } from '../../ui';
import { GraphqlBodyPanel } from '../graphql';
import { BodyCodeEditor } from './body-code-editor';
import { BodyKindPicker } from './body-kind-picker';
import { FilePicker } from './file-picker';
import { FormatJsonButton } from './format-json-button';
import { MultipartTable } from './multipart-table';
import styles from './request-builder.module.css';

/** The Body tab. (A GET/HEAD with a body is pointed out under the URL bar, where it is seen from every tab.) */
interface BodyPanelProps {
  body: BodyDraft;
  headers: readonly KeyValueRow[];
  onChange: (body: Partial<BodyDraft>) => void;
  /** an INVALID_BODY error from the last send */
  error: string | null;
  /** the request as it would be sent now (GraphQL introspection uses its URL, headers and settings) */
  getRequest?: () => HttpRequestSpec;
  /** the saved request's file, for a GraphQL schema fetch with its collection's headers and auth */
  workspacePath?: string | null;
}

export function BodyPanel({ body, headers, onChange, error, getRequest, workspacePath = null }: BodyPanelProps) {
  const note = contentTypeNote(body, headers);
  return (
    <div className={styles.body}>
      <div className={styles.bodyBar}>
        <BodyKindPicker kind={body.kind} onChange={(kind) => onChange({ kind })} />
        {body.kind === 'json' ? <FormatJsonButton json={body.json} onFormat={(json) => onChange({ json })} /> : null}
      </div>
      {error ? <InlineMessage tone="error">{error}</InlineMessage> : null}
      <div className={styles.bodyContent}>
        {body.kind === 'none' ? <p className={styles.empty}>This request has no body.</p> : null}
        {body.kind === 'json' ? <BodyCodeEditor value={body.json} language="json" label="Request body (JSON)" onChange={(json) => onChange({ json })} /> : null}
        {body.kind === 'text' ? (
          <BodyCodeEditor value={body.text} language="plaintext" label="Request body (text)" onChange={(text) => onChange({ text })} />
        ) : null}
        {body.kind === 'xml' ? <BodyCodeEditor value={body.xml} language="xml" label="Request body (XML)" onChange={(xml) => onChange({ xml })} /> : null}
        {body.kind === 'form' ? (
          <KeyValueTable
            highlightVariables
            label="Form fields"
            itemName="field"
            rows={body.form}
            onChange={(form) => onChange({ form })}
            createRow={(id, name, value) => ({ ...createRow({ name, value }), id })}
          />
        ) : null}
        {body.kind === 'multipart' ? <MultipartTable rows={body.multipart} onChange={(multipart) => onChange({ multipart })} /> : null}
        {body.kind === 'binary' ? <FilePicker label="Body file" file={body.binary} onChange={(binary) => onChange({ binary })} /> : null}
        {body.kind === 'graphql' && getRequest ? (
          <Suspense fallback={<p className={formControls.hint}>Loading the GraphQL editor…</p>}>
            <GraphqlBodyPanel value={body.graphql} onChange={(graphql) => onChange({ graphql })} getRequest={getRequest} workspacePath={workspacePath} />
          </Suspense>
        ) : null}
      </div>
      {note ? (
        note.tone === 'warning' ? (
          <InlineMessage tone="warning">{note.message}</InlineMessage>
        ) : (
          <p className={`${formControls.hint} ${styles.hintTight}`}>{note.message}</p>
        )
      ) : null}
    </div>
  );
}
