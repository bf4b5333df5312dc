import { useEffect, useState } from 'react';
import type * as CodeEditorModule from './monaco-code-editor';
import type * as DocumentViewerModule from './monaco-document-viewer';

type EditorModules = {
  codeEditor: typeof CodeEditorModule;
  documentViewer: typeof DocumentViewerModule;
};

let loaded: EditorModules | null = null;
let loading: Promise<EditorModules> | null = null;

/** Fetches and evaluates Monaco and both wrappers once; later calls share the same promise. */
export function loadEditorModules(): Promise<EditorModules> {
  loading ??= Promise.all([import('./monaco-code-editor'), import('./monaco-document-viewer')]).then(([codeEditor, documentViewer]) => {
    loaded = { codeEditor, documentViewer };
    return loaded;
  });
  return loading;
}

/**
 * The editor modules, or null while they load. Deliberately not React.lazy + Suspense: React holds a revealed
 * Suspense boundary for ~300 ms, which would delay the first lines of every response even when Monaco is already
 * loaded.
 */
export function useEditorModules(): EditorModules | null {
  const [modules, setModules] = useState<EditorModules | null>(loaded);
  useEffect(() => {
    if (modules) return;
    let live = true;
    void loadEditorModules().then((m) => {
      if (live) setModules(m);
    });
    return () => {
      live = false;
    };
  }, [modules]);
  return modules;
}
