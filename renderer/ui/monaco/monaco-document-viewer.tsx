import { useEffect, useRef, useState } from 'react';
import { monaco } from './monaco-setup';
import { BASE_EDITOR_OPTIONS } from './editor-options';
import { buildModelInSlices } from './build-model';
import { JSON_VIEW_LANGUAGE } from './json-view-language';
import { type DocumentSource, type DocumentViewerProps } from './document-source';
import { attachKeyboardExit } from './keyboard-exit';

function viewerOptions(lite: boolean): monaco.editor.IEditorOptions {
  return {
    readOnly: true,
    domReadOnly: true,
    folding: !lite,
    showFoldingControls: 'mouseover',
    wordWrap: 'off',
    minimap: { enabled: false },
    bracketPairColorization: { enabled: !lite },
    guides: { bracketPairs: false, indentation: !lite },
    matchBrackets: lite ? 'never' : 'always',
    occurrencesHighlight: lite ? 'off' : 'singleFile',
    selectionHighlight: !lite,
    links: !lite,
    stickyScroll: { enabled: false },
    unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: false, nonBasicASCII: false },
    renderValidationDecorations: 'off',
  };
}

function languageIdFor(source: DocumentSource): string {
  return source.language === 'json' ? JSON_VIEW_LANGUAGE : source.language;
}

/**
 * Read-only Monaco for response bodies, fed in slices so a 50 MB document never blocks input.
 * @public (reached through a lazily imported module object, which knip does not follow)
 */
export function MonacoDocumentViewer({ source, ariaLabel, height, onShown }: DocumentViewerProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const onShownRef = useRef(onShown);
  const [building, setBuilding] = useState(true);

  useEffect(() => {
    onShownRef.current = onShown;
  });

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const editor = monaco.editor.create(host, { ...BASE_EDITOR_OPTIONS, ...viewerOptions(true), ariaLabel, model: null });
    editorRef.current = editor;
    const detachExit = attachKeyboardExit(editor, host);
    return () => {
      detachExit();
      editor.getModel()?.dispose();
      editor.dispose();
      editorRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    editorRef.current?.updateOptions({ ariaLabel });
  }, [ariaLabel]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    let cancelled = false;
    setBuilding(true);
    const started = performance.now();
    void buildModelInSlices(source.chunks, languageIdFor(source), () => cancelled).then((model) => {
      if (!model) return;
      if (cancelled) {
        model.dispose();
        return;
      }
      const previous = editor.getModel();
      editor.updateOptions(viewerOptions(source.lite));
      const attaching = performance.now();
      editor.setModel(model);
      previous?.dispose();
      performance.measure('courier:set-model', { start: attaching, end: performance.now() });
      setBuilding(false);
      const buildMs = performance.now() - started;
      requestAnimationFrame(() => onShownRef.current?.({ buildMs, lineCount: model.getLineCount() }));
    });
    return () => {
      cancelled = true;
    };
  }, [source]);

  return (
    <div ref={hostRef} className="code-editor" aria-busy={building} data-testid="response-body-editor" style={{ height: height ?? '100%', width: '100%' }} />
  );
}
