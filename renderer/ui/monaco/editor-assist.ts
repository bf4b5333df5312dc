import { monaco } from './monaco-setup';
import type { CodeEditorAssist, EditorSuggestion } from './code-editor-props';

const KIND: Record<EditorSuggestion['kind'], monaco.languages.CompletionItemKind> = {
  field: monaco.languages.CompletionItemKind.Field,
  method: monaco.languages.CompletionItemKind.Method,
  type: monaco.languages.CompletionItemKind.Class,
  argument: monaco.languages.CompletionItemKind.Variable,
  enum: monaco.languages.CompletionItemKind.EnumMember,
  variable: monaco.languages.CompletionItemKind.Variable,
  keyword: monaco.languages.CompletionItemKind.Keyword,
  other: monaco.languages.CompletionItemKind.Text,
};

const SEVERITY = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
} as const;

const MARKER_OWNER = 'courier-assist';
const DIAGNOSE_DELAY_MS = 250;

/**
 * Completion and markers for one editor from an `assist` the caller supplies (computed elsewhere, e.g. in a
 * worker). Providers are registered per language in Monaco, so each answers only for its own editor's model.
 * Diagnostics run at once (a new assist may know a new schema) and again after each pause in typing. Returns the
 * cleanup.
 */
export function attachAssist(editor: monaco.editor.IStandaloneCodeEditor, language: string, assist: CodeEditorAssist): () => void {
  const completion = monaco.languages.registerCompletionItemProvider(language, {
    triggerCharacters: [...(assist.triggerCharacters ?? ['{', '(', ':', '$', '@', ' ', '\n'])],
    provideCompletionItems: async (model, position) => {
      if (model !== editor.getModel()) return { suggestions: [] };
      const items = await assist.complete(model.getValue(), position.lineNumber, position.column);
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      return {
        suggestions: items.map((item) => ({
          label: item.label,
          kind: KIND[item.kind],
          detail: item.detail ?? undefined,
          documentation: item.documentation ?? undefined,
          insertText: item.insertText,
          tags: item.deprecated ? [monaco.languages.CompletionItemTag.Deprecated] : undefined,
          range,
        })),
      };
    },
  });

  let timer = 0;
  let generation = 0;
  const runDiagnostics = () => {
    timer = 0;
    const model = editor.getModel();
    if (!model) return;
    const mine = ++generation;
    void assist.diagnose(model.getValue()).then((found) => {
      // A newer run or a disposed model makes this answer stale.
      if (mine !== generation || model.isDisposed()) return;
      monaco.editor.setModelMarkers(
        model,
        MARKER_OWNER,
        found.map((d) => ({ ...d, startLineNumber: d.startLine, endLineNumber: d.endLine, severity: SEVERITY[d.severity] })),
      );
    });
  };
  const schedule = () => {
    if (timer !== 0) window.clearTimeout(timer);
    timer = window.setTimeout(runDiagnostics, DIAGNOSE_DELAY_MS);
  };
  const change = editor.onDidChangeModelContent(schedule);
  schedule();
  return () => {
    if (timer !== 0) window.clearTimeout(timer);
    generation++;
    change.dispose();
    completion.dispose();
    const model = editor.getModel();
    if (model && !model.isDisposed()) monaco.editor.setModelMarkers(model, MARKER_OWNER, []);
  };
}
