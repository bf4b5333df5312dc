import { type CodeEditorProps } from './code-editor-props';
import { EditorPlaceholder } from './editor-placeholder';
import { useEditorModules } from './loaded-modules';

/**
 * Monaco, loaded on first use from its own chunk. Until it arrives a placeholder of the same size is shown, so the
 * layout does not jump.
 */
export function CodeEditor(props: CodeEditorProps) {
  const modules = useEditorModules();
  if (!modules) return <EditorPlaceholder height={props.height} />;
  const { MonacoCodeEditor } = modules.codeEditor;
  return <MonacoCodeEditor {...props} />;
}
