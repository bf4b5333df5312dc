import { useEffect, useRef } from 'react';
import { monaco } from './monaco-setup';
import { BASE_EDITOR_OPTIONS } from './editor-options';
import { JSON_VIEW_LANGUAGE } from './json-view-language';
import { type DiffViewerProps } from './diff-viewer-props';

/**
 * The real diff editor; only reached through the lazy `DiffViewer`.
 * @public (reached through a lazily imported module object, which knip does not follow)
 */
export function MonacoDiffViewer({ original, modified, language, ariaLabel, height }: DiffViewerProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneDiffEditor | null>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const editor = monaco.editor.createDiffEditor(host, {
      ...BASE_EDITOR_OPTIONS,
      readOnly: true,
      domReadOnly: true,
      originalEditable: false,
      renderSideBySide: true,
      useInlineViewWhenSpaceIsLimited: false,
      ignoreTrimWhitespace: false,
      renderOverviewRuler: false,
      stickyScroll: { enabled: false },
      ariaLabel,
      originalAriaLabel: `${ariaLabel}: left`,
      modifiedAriaLabel: `${ariaLabel}: right`,
    });
    editorRef.current = editor;
    return () => {
      const model = editor.getModel();
      editor.dispose();
      model?.original.dispose();
      model?.modified.dispose();
      editorRef.current = null;
    };
    // Created once; content changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const languageId = language === 'json' ? JSON_VIEW_LANGUAGE : language;
    const previous = editor.getModel();
    editor.setModel({
      original: monaco.editor.createModel(original, languageId),
      modified: monaco.editor.createModel(modified, languageId),
    });
    previous?.original.dispose();
    previous?.modified.dispose();
  }, [original, modified, language]);

  return <div ref={hostRef} className="code-editor" data-testid="diff-editor" style={{ height: height ?? '100%', width: '100%' }} />;
}
