import { useRef, useState } from 'react';
import { type HttpExchange } from '../../../shared/contract';
import { formatBytes, formatProgress, recordProblemsText } from '../../../shared/response';
import { DocumentViewer } from '../../ui/monaco';
import { BodyToolbar } from './body-toolbar';
import { BodyTextPreview } from './body-text-preview';
import { HexView } from './hex-view';
import { HtmlPreview } from './html-preview';
import { ImagePreview } from './image-preview';
import { useResponseBody } from './use-response-body';
import styles from './response-body.module.css';
import viewerStyles from './response-viewer.module.css';

const HTML_PREVIEW_LIMIT = 5 * 1024 * 1024;

export function ResponseBodyPanel({ exchange }: { exchange: HttpExchange }) {
  const body = useResponseBody(exchange.body);
  // A huge page would be parsed and laid out on this thread by the frame; show its source instead.
  const [htmlMode, setHtmlMode] = useState<'preview' | 'source'>(exchange.body.size <= HTML_PREVIEW_LIMIT ? 'preview' : 'source');
  const { view } = body;
  const size = exchange.body.size;
  // "Load anyway" goes away once pressed: the keyboard focus goes to the body it loads, not back to the page's start
  const contentRef = useRef<HTMLDivElement>(null);
  const loadAnyway = () => {
    body.loadAnyway();
    contentRef.current?.focus({ preventScroll: true });
  };
  // every byte read, the rest is the worker formatting it and the viewer taking it: said, rather than "100%" for seconds
  const read = view.status === 'loading' && view.total > 0 && view.received >= view.total;
  const recordProblems = body.records && recordProblemsText(body.records);

  if (size === 0) return <p className={viewerStyles.empty}>The response has no body.</p>;

  return (
    <div className={styles.body} data-testid="response-body">
      <BodyToolbar exchange={exchange} body={{ ...body, loadAnyway }} htmlMode={htmlMode} onHtmlMode={setHtmlMode} />
      <div className={styles.content} ref={contentRef} tabIndex={-1} data-testid="response-body-content">
        {view.status === 'loading' && (
          <>
            <div className={styles.loading} data-testid="response-body-loading" role="status">
              {read ? `Preparing the view of ${formatBytes(view.total)}…` : `Loading body… ${formatProgress(view.received, view.total)}`}
            </div>
            {view.preview && <BodyTextPreview text={view.preview.text} />}
          </>
        )}
        {view.status === 'error' && (
          <p className={styles.error} role="alert">
            The body could not be shown: {view.message}
          </p>
        )}
        {view.status === 'not-loaded' && (
          <>
            <p className={styles.large} data-testid="response-body-large" role="status">
              This body is {formatBytes(size)}; only the first {formatBytes(view.bytes?.length ?? 64 * 1024)} are shown. Load it into the viewer, or save it to
              a file.
            </p>
            {view.preview && <BodyTextPreview text={view.preview.text} />}
            {view.bytes && <HexView bytes={view.bytes} />}
          </>
        )}
        {view.status === 'text' && view.kind === 'html' && htmlMode === 'preview' && <HtmlPreview source={view.source} />}
        {view.status === 'text' && !(view.kind === 'html' && htmlMode === 'preview') && (
          <>
            {view.prettyError && (
              <p className={styles.note} role="status">
                Shown as received: {view.prettyError}.
              </p>
            )}
            {recordProblems && (
              <p className={styles.note} role="status">
                {recordProblems}
              </p>
            )}
            <div className={styles.editor}>
              <DocumentViewer source={view.source} ariaLabel="Response body" />
            </div>
          </>
        )}
        {view.status === 'bytes' && view.kind === 'image' && <ImagePreview bytes={view.bytes} contentType={exchange.body.contentType} />}
        {view.status === 'bytes' && view.kind !== 'image' && <HexView bytes={view.bytes} />}
      </div>
    </div>
  );
}
