import { type monaco } from './monaco-setup';

export const BASE_EDITOR_OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  automaticLayout: true,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  fontSize: 13,
  tabSize: 2,
  // The page's CSP has no 'unsafe-eval' and Monaco's default font ligature/measurement code is fine without it;
  // the one thing we avoid is a remote font, so the system monospace stack is used.
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  renderLineHighlight: 'line',
  // An unfocused editor (always the case for a response being read) shows no stray current-line box.
  renderLineHighlightOnlyWhenFocus: true,
  overviewRulerBorder: false,
  hideCursorInOverviewRuler: true,
  fixedOverflowWidgets: true,
  // The classic textarea input: unlike the EditContext div it has a box, so assistive tech and Playwright see a
  // visible, labelled textbox.
  editContext: false,
};
