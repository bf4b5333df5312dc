import { lazy, Suspense } from 'react';
import { type CodeEditorProps } from './code-editor-props';
import { EditorPlaceholder } from './editor-placeholder';

const LazyMonacoCodeEditor = lazy(() => import('./monaco-code-editor').then((m) => ({ default: m.MonacoCodeEditor })));

/**
 * Monaco, loaded on first use from its own chunk. Until it arrives a placeholder of the same size is shown, so the
 * layout does not jump.
 */
export function CodeEditor(props: CodeEditorProps) {
  return (
    <Suspense fallback={<EditorPlaceholder height={props.height} />}>
      <LazyMonacoCodeEditor {...props} />
    </Suspense>
  );
}
