import { useEffect, useRef, useState } from 'react';
import { TabFocus } from 'monaco-editor/editor/browser/config/tabFocus';
import { monaco } from './monaco-setup';
import { type CodeEditorProps } from './code-editor-props';
import { BASE_EDITOR_OPTIONS } from './editor-options';
import { attachAssist } from './editor-assist';
import { attachKeyboardExit } from './keyboard-exit';
import { attachVariableCompletion } from './variable-completion';
import { attachJsonDiagnostics } from './json-diagnostics';

// navigator.platform is deprecated but still the most reliable synchronous signal; a wrong guess only changes a hint.
const TAB_MODE_KEYS = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? 'Ctrl+Shift+M' : 'Ctrl+M';

/**
 * The real editor; only ever reached through the lazy `CodeEditor`, so Monaco stays out of the startup bundle.
 * @public (reached through a lazily imported module object, which knip does not follow)
 */
export function MonacoCodeEditor({
  value,
  language,
  ariaLabel,
  readOnly = false,
  onChange,
  height,
  assist,
  insertion,
  variables,
  jsonReferences = false,
}: CodeEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const onChangeRef = useRef(onChange);
  // The text we last handed to or received from the parent: avoids pushing the parent's echo of our own edit back
  // into the model, which would reset the cursor.
  const knownValueRef = useRef(value);
  const hasVariables = variables !== undefined && variables.length > 0;
  // While the editor has focus, a corner hint says how Tab behaves and how to leave (learners meet this first).
  const [focused, setFocused] = useState(false);
  const [tabMovesFocus, setTabMovesFocus] = useState(false);

  const variablesRef = useRef(variables);
  useEffect(() => {
    onChangeRef.current = onChange;
    variablesRef.current = variables;
  });

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const editor = monaco.editor.create(host, {
      ...BASE_EDITOR_OPTIONS,
      value: knownValueRef.current,
      language,
      readOnly,
      ariaLabel,
    });
    editorRef.current = editor;
    const detachExit = attachKeyboardExit(editor, host);
    const focus = editor.onDidFocusEditorText(() => setFocused(true));
    const blur = editor.onDidBlurEditorText(() => setFocused(false));
    setTabMovesFocus(TabFocus.getTabFocusMode());
    const tabMode = TabFocus.onDidChangeTabFocus(setTabMovesFocus);
    const subscription = editor.onDidChangeModelContent(() => {
      const next = editor.getValue();
      knownValueRef.current = next;
      onChangeRef.current?.(next);
    });
    return () => {
      detachExit();
      focus.dispose();
      blur.dispose();
      tabMode.dispose();
      subscription.dispose();
      editor.getModel()?.dispose();
      editor.dispose();
      editorRef.current = null;
    };
    // Created once; later prop changes are applied by the effects below without recreating the editor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || value === knownValueRef.current) return;
    knownValueRef.current = value;
    const model = editor.getModel();
    if (!model) return;
    if (readOnly) {
      model.setValue(value);
    } else {
      // An undoable edit, so Ctrl+Z still works after the parent replaces the text (e.g. "Beautify").
      editor.executeEdits('courier', [{ range: model.getFullModelRange(), text: value }]);
    }
  }, [value, readOnly]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model) monaco.editor.setModelLanguage(model, language);
  }, [language]);

  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly, ariaLabel });
  }, [readOnly, ariaLabel]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    // Suggestions only where a caller supplies them: the JSON, text and XML bodies never had a completion list, and
    // Monaco's word-based guesses would pop up over every body being typed.
    // "{{" asks for the variables through a trigger character, so trigger characters are on when variables are given.
    editor.updateOptions({
      quickSuggestions: assist !== undefined,
      suggestOnTriggerCharacters: assist !== undefined || hasVariables,
      wordBasedSuggestions: 'off',
    });
    if (!assist) return;
    return attachAssist(editor, language, assist);
  }, [assist, language, hasVariables]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !hasVariables || readOnly) return;
    return attachVariableCompletion(editor, language, () => variablesRef.current ?? []);
  }, [hasVariables, language, readOnly]);

  useEffect(() => {
    const editor = editorRef.current;
    // What the user types is checked; a received document shown read-only is not theirs to fix.
    if (!editor || language !== 'json' || readOnly) return;
    return attachJsonDiagnostics(editor, jsonReferences);
  }, [language, readOnly, jsonReferences]);

  const insertionId = insertion?.id;
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !insertion || readOnly) return;
    const selection = editor.getSelection();
    if (!selection) return;
    // As if typed: undoable, replaces a selection, and the cursor ends after it.
    editor.executeEdits('courier-insert', [{ range: selection, text: insertion.text, forceMoveMarkers: true }]);
    editor.focus();
    // Only a new id inserts; the text of a repeated insertion may be the same.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [insertionId]);

  return (
    <div className="code-editor" style={{ height: height ?? '100%', width: '100%' }}>
      <div ref={hostRef} className="code-editor__host" />
      {focused && !readOnly ? (
        // Monaco announces the Ctrl+M switch itself; this is for the eyes only
        <div className="code-editor__hint" aria-hidden="true">
          {tabMovesFocus ? `Tab moves focus · ${TAB_MODE_KEYS}: Tab indents` : `Esc leaves the editor · ${TAB_MODE_KEYS}: Tab moves focus`}
        </div>
      ) : null}
    </div>
  );
}
