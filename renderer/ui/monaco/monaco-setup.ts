/**
 * The one place Monaco is assembled. Only the editor core, the contributions a JSON/text viewer and editor need,
 * the JSON language service and the plain Monarch grammars for XML, HTML, JavaScript and GraphQL are pulled in: importing
 * `monaco-editor` itself would bundle every language and the TypeScript worker (several MB).
 * This module is reached only through a dynamic import, so all of it lands in a lazy chunk.
 * The list below is the whole set of editor contributions: they must all be registered before the first editor
 * creates Monaco's services, so nothing may add one later (the JSON mode used to; see language-worker-factory.ts).
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/suggest/register';
// features/suggest only brings inline completions; the suggest widget (completion list, Ctrl+Space) is this one.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/format/register';
import 'monaco-editor/features/gotoLine/register';
import 'monaco-editor/features/readOnlyMessage/register';
import 'monaco-editor/features/codicon/register';
// Ctrl+M (Ctrl+Shift+M on macOS): Tab moves focus instead of indenting, as in VS Code (see keyboard-exit.ts).
import 'monaco-editor/features/toggleTabFocusMode/register';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import 'monaco-editor/languages/definitions/xml/register';
import 'monaco-editor/languages/definitions/html/register';
// scripts: the Monarch grammar only (colours); completion of the pm API is our own (shared/scripts), no TS worker
import 'monaco-editor/languages/definitions/javascript/register';
// Vite turns these into same-origin module workers: nothing is fetched from a CDN and the CSP's worker-src 'self' holds.
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import { registerJsonViewLanguage } from './json-view-language';
import { registerGraphqlLanguage } from './graphql-language';
import { followAppTheme } from './editor-theme';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

// Responses are read, not fetched from: a schema $ref in a response must never make the app reach the network.
// Validation is ours, not the JSON service's: it would flag every {{reference}} written as a bare value (see
// json-diagnostics.ts).
jsonDefaults.setDiagnosticsOptions({ validate: false, allowComments: false, enableSchemaRequest: false, schemas: [] });
// No schema describes a request body, so the JSON service's own completions offer only "$schema", which pops up
// over the line while typing and is inserted by the next Enter. {{variable}} completion is a provider of its own.
jsonDefaults.setModeConfiguration({ ...jsonDefaults.modeConfiguration, completionItems: false });

// Monaco toggles find's "whole word" with Alt+W whenever an editor has focus, find open or not, which swallowed the
// app's Alt+W (close tab) from every editor. It keeps the key only while its find box is open, as the comment in
// renderer/ui/use-tab-shortcuts.ts expects.
monaco.editor.addKeybindingRules([
  { keybinding: monaco.KeyMod.Alt | monaco.KeyCode.KeyW, command: '-toggleFindWholeWord' },
  { keybinding: monaco.KeyMod.Alt | monaco.KeyCode.KeyW, command: 'toggleFindWholeWord', when: 'editorFocus && findWidgetVisible' },
]);

registerJsonViewLanguage(monaco);
registerGraphqlLanguage(monaco);
// Before any editor exists, so the first one is already painted in the app's colours.
followAppTheme(monaco.editor);

export { monaco };
