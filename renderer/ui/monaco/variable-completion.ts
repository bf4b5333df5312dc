import { monaco } from './monaco-setup';
import { completionQuery, filterSuggestions, type VariableSuggestion } from '../../../shared/variables';

/**
 * "{{" in a body editor lists the variables in scope, like the one-line fields do, in Monaco's own suggestion widget
 * (a listbox the screen reader follows; arrows, Enter/Tab, Esc). Providers are registered per language, so this one
 * answers only for its editor's model. `current` is read on every request: the scope changes as the user edits.
 */
export function attachVariableCompletion(
  editor: monaco.editor.IStandaloneCodeEditor,
  language: string,
  current: () => readonly VariableSuggestion[],
): () => void {
  const provider = monaco.languages.registerCompletionItemProvider(language, {
    triggerCharacters: ['{'],
    provideCompletionItems: (model, position) => {
      if (model !== editor.getModel()) return { suggestions: [] };
      const line = model.getLineContent(position.lineNumber);
      const at = completionQuery(line, position.column - 1);
      if (!at) return { suggestions: [] };
      // Monaco closes brackets as they are typed: "{{" usually arrives as "{{}}" with the caret in the middle
      const closed = line.startsWith('}}', position.column - 1);
      const range = new monaco.Range(position.lineNumber, at.start + 1, position.lineNumber, position.column);
      return {
        suggestions: filterSuggestions(current(), at.query).map((suggestion, index) => ({
          label: { label: suggestion.name, description: suggestion.scope },
          kind: monaco.languages.CompletionItemKind.Variable,
          detail: `${suggestion.scope}: ${suggestion.value}`,
          filterText: `{{${suggestion.name}`,
          insertText: closed ? `{{${suggestion.name}` : `{{${suggestion.name}}}`,
          sortText: String(index).padStart(4, '0'),
          range,
        })),
      };
    },
  });
  return () => provider.dispose();
}
