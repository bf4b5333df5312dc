import { TAB_SHORTCUT_KEYS } from '../../../shared/workspace';

export interface Shortcut {
  /** the keys, as pressed ("Ctrl+Enter"); Ctrl reads ⌘ on macOS where the app accepts either */
  keys: string;
  what: string;
}

export interface ShortcutGroup {
  title: string;
  shortcuts: readonly Shortcut[];
}

/**
 * The key that opens this list: F1, or Ctrl/⌘+/ (Postman's), neither taken by browsers nor by the editors; and "?"
 * (GitHub's, Gmail's) where it would type nothing, i.e. outside text fields and editors (`typing`).
 */
export function isShortcutsKey(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }, typing = false): boolean {
  if (event.altKey) return false;
  // Shift is how "?" is typed on most layouts, so it is allowed; Ctrl/⌘+? belongs to others
  if (event.key === '?') return !typing && !event.ctrlKey && !event.metaKey;
  if (event.key === 'F1') return !event.ctrlKey && !event.metaKey && !event.shiftKey;
  return event.key === '/' && (event.ctrlKey || event.metaKey);
}

/**
 * Every key the app handles, where it works. Kept beside the code that handles them: the send, cancel and save
 * hooks, the tab shortcuts (TAB_SHORTCUT_KEYS), the tree's keys (tree-keys.ts), the tab strip, the variable
 * completion list, the WebSocket composer, the environment editor and Monaco's find.
 */
export function shortcutGroups(mac: boolean): ShortcutGroup[] {
  const ctrl = mac ? '⌘' : 'Ctrl';
  return [
    {
      title: 'Request',
      shortcuts: [
        { keys: `${ctrl}+Enter`, what: 'Send the request' },
        { keys: 'Esc', what: 'Cancel the request in flight' },
        { keys: `${ctrl}+S`, what: 'Save the request (asks where for a new one)' },
        { keys: 'Enter', what: 'Send, in the URL field' },
      ],
    },
    {
      title: 'Window',
      shortcuts: [
        { keys: 'F6', what: 'Next region: side panel, URL, request sections, response' },
        { keys: 'Shift+F6', what: 'Previous region' },
      ],
    },
    {
      title: 'Tabs',
      shortcuts: [
        { keys: TAB_SHORTCUT_KEYS.new, what: 'New request tab' },
        { keys: TAB_SHORTCUT_KEYS.close, what: 'Close the tab' },
        { keys: TAB_SHORTCUT_KEYS.next.replace('Ctrl', ctrl), what: 'Next tab' },
        { keys: TAB_SHORTCUT_KEYS.previous.replace('Ctrl', ctrl), what: 'Previous tab' },
        { keys: '← → Home End', what: 'Move between tabs, in the tab strip' },
        { keys: 'Delete', what: 'Close the tab, in the tab strip' },
        { keys: 'Shift+F10', what: 'Tab menu (Close, Close others, Close all)' },
      ],
    },
    {
      title: 'Collections tree',
      shortcuts: [
        { keys: '↑ ↓ Home End', what: 'Move between rows' },
        { keys: '← →', what: 'Collapse or expand a collection or folder' },
        { keys: 'Enter', what: 'Open the request' },
        { keys: 'F2', what: 'Rename' },
        { keys: 'Delete', what: 'Delete (Undo in the notice)' },
        { keys: 'Alt+↑ Alt+↓', what: 'Move up or down' },
        { keys: 'Shift+F10', what: 'Row menu' },
      ],
    },
    {
      title: 'Variables',
      shortcuts: [
        { keys: '{{', what: 'Suggest variables, in any field' },
        { keys: '↑ ↓ Enter Tab', what: 'Choose and insert a suggestion' },
        { keys: 'Esc', what: 'Close the suggestions' },
      ],
    },
    {
      title: 'Response, WebSocket and dialogs',
      shortcuts: [
        { keys: `${ctrl}+F`, what: 'Find in the response body' },
        { keys: `${ctrl}+Enter`, what: 'Send the message, in the WebSocket composer' },
        { keys: `${ctrl}+S`, what: 'Save the WebSocket request; save environments in their dialog' },
        { keys: 'Esc', what: 'Close a dialog or menu' },
        { keys: `F1  ${ctrl}+/  ?`, what: 'This list of shortcuts' },
      ],
    },
  ];
}
