import { type DocumentViewerProps } from './document-source';
import { EditorPlaceholder } from './editor-placeholder';
import { useEditorModules } from './loaded-modules';

/** A read-only viewer for large text (response bodies), loaded with Monaco on first use. */
export function DocumentViewer(props: DocumentViewerProps) {
  const modules = useEditorModules();
  if (!modules) return <EditorPlaceholder height={props.height} />;
  const { MonacoDocumentViewer } = modules.documentViewer;
  return <MonacoDocumentViewer {...props} />;
}
