export { ScriptEditor } from './script-editor';
