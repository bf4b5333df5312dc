export { CodeEditor } from './code-editor';
export type { CodeEditorAssist, CodeEditorLanguage, CodeEditorProps, EditorDiagnostic, EditorSuggestion } from './code-editor-props';
export { DocumentViewer } from './document-viewer';
export type { DocumentSource, DocumentViewerProps } from './document-source';
export { preloadMonaco } from './preload';
export { DiffViewer } from './diff-viewer';
export type { DiffViewerProps } from './diff-viewer-props';
