import { monaco } from './monaco-setup';
import { leaveWidget } from '../focus-neighbour';

// Only when nothing of the editor's own would take the key: the completion list, find, parameter hints, a snippet.
const FREE = '!suggestWidgetVisible && !findWidgetVisible && !parameterHintsVisible && !inSnippetMode && !editorHasMultipleSelections';

/**
 * The editors keep Tab for indenting, so they offer ways out (WCAG 2.1.2, no keyboard trap): Esc goes to the next
 * control and Shift+Tab to the previous one when the selection is empty (with a selection Shift+Tab still
 * outdents), and Ctrl+M switches Tab to moving focus as in VS Code (registered in monaco-setup through Monaco's own
 * toggleTabFocusMode, announced by Monaco's screen-reader alert). Returns the cleanup.
 */
export function attachKeyboardExit(editor: monaco.editor.IStandaloneCodeEditor, host: HTMLElement): () => void {
  const leave = (direction: 'next' | 'previous') => {
    if (leaveWidget(host, direction)) return;
    // nothing at all to go to: at least stop typing into the editor
    (host.ownerDocument.activeElement as HTMLElement | null)?.blur();
  };
  const actions = [
    editor.addAction({
      id: 'courier.leaveEditorForward',
      label: 'Leave the editor (to the next control)',
      keybindings: [monaco.KeyCode.Escape],
      precondition: FREE,
      run: () => leave('next'),
    }),
    editor.addAction({
      id: 'courier.leaveEditorBackward',
      label: 'Leave the editor (to the previous control)',
      keybindings: [monaco.KeyMod.Shift | monaco.KeyCode.Tab],
      precondition: `${FREE} && !editorHasSelection`,
      run: () => leave('previous'),
    }),
  ];
  return () => actions.forEach((action) => action.dispose());
}
