import { useEffect, useState } from 'react';
import { type DiffViewerProps } from './diff-viewer-props';
import { EditorPlaceholder } from './editor-placeholder';
import type * as DiffViewerModule from './monaco-diff-viewer';

type DiffModule = typeof DiffViewerModule;
let loaded: DiffModule | null = null;
let loading: Promise<DiffModule> | null = null;

function loadDiffModule(): Promise<DiffModule> {
  loading ??= import('./monaco-diff-viewer').then((module) => (loaded = module));
  return loading;
}

/**
 * Monaco's side-by-side diff editor, read-only, fetched on first use (it shares Monaco's lazy chunk with the other
 * editors). A placeholder of the same size holds the layout meanwhile.
 */
export function DiffViewer(props: DiffViewerProps) {
  const [module, setModule] = useState<DiffModule | null>(loaded);
  useEffect(() => {
    if (module) return;
    let live = true;
    void loadDiffModule().then((m) => live && setModule(m));
    return () => {
      live = false;
    };
  }, [module]);
  if (!module) return <EditorPlaceholder height={props.height} />;
  const { MonacoDiffViewer } = module;
  return <MonacoDiffViewer {...props} />;
}
