export { CodeEditor } from './code-editor';
export type { CodeEditorLanguage, CodeEditorProps } from './code-editor-props';
export { preloadMonaco } from './preload';
