import { lazy, Suspense } from 'react';
import { type DocumentViewerProps } from './document-source';
import { EditorPlaceholder } from './editor-placeholder';

const LazyMonacoDocumentViewer = lazy(() => import('./monaco-document-viewer').then((m) => ({ default: m.MonacoDocumentViewer })));

/** A read-only viewer for large text (response bodies), loaded with Monaco on first use. */
export function DocumentViewer(props: DocumentViewerProps) {
  return (
    <Suspense fallback={<EditorPlaceholder height={props.height} />}>
      <LazyMonacoDocumentViewer {...props} />
    </Suspense>
  );
}
