import { checkJson } from '../../../shared/request';
import { monaco } from './monaco-setup';

const MARKER_OWNER = 'courier-json';
const CHECK_DELAY_MS = 250;

/**
 * Underlines the JSON problem of an editable JSON editor. Monaco's own JSON validation is off (monaco-setup.ts):
 * it reads the model's text in its worker, where `{"n": {{count}}}` is a syntax error although the body is valid
 * once `count` is resolved, and it cannot be given other text or told which ranges to skip. Dropping its markers
 * that overlap a {{reference}} is not enough either: an unquoted `{{count}}` parses as two nested objects, so the
 * errors land on the braces and values after it. Here the check runs on a copy with each reference replaced by a
 * number of the same length (checkJson), so lines and columns match the editor, and the underline and the
 * "Invalid JSON" notice under the editor come from one check and cannot disagree. `references`: only where they
 * are resolved before use (a request body); a WebSocket message is sent as written, so there {{x}} is flagged.
 * Returns the cleanup.
 */
export function attachJsonDiagnostics(editor: monaco.editor.IStandaloneCodeEditor, references: boolean): () => void {
  let timer = 0;
  const check = () => {
    timer = 0;
    const model = editor.getModel();
    if (!model || model.isDisposed()) return;
    const problem = checkJson(model.getValue(), { references });
    if (!problem) {
      monaco.editor.setModelMarkers(model, MARKER_OWNER, []);
      return;
    }
    // Without a position from the parser the last character is the best guess (most such errors are "unexpected end").
    const line = problem.line ?? model.getLineCount();
    const column = problem.column ?? model.getLineMaxColumn(line);
    monaco.editor.setModelMarkers(model, MARKER_OWNER, [
      {
        message: problem.message,
        severity: monaco.MarkerSeverity.Error,
        startLineNumber: line,
        startColumn: column,
        endLineNumber: line,
        endColumn: column + 1,
      },
    ]);
  };
  const schedule = () => {
    if (timer !== 0) window.clearTimeout(timer);
    timer = window.setTimeout(check, CHECK_DELAY_MS);
  };
  const change = editor.onDidChangeModelContent(schedule);
  schedule();
  return () => {
    if (timer !== 0) window.clearTimeout(timer);
    change.dispose();
    const model = editor.getModel();
    if (model && !model.isDisposed()) monaco.editor.setModelMarkers(model, MARKER_OWNER, []);
  };
}
