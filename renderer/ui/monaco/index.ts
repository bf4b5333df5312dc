export { CodeEditor } from './code-editor';
export type { CodeEditorAssist, CodeEditorLanguage } from './code-editor-props';
export { DocumentViewer } from './document-viewer';
export type { DocumentSource } from './document-source';
export { preloadMonaco } from './preload';
export { DiffViewer } from './diff-viewer';
