export { ShortcutsDialog } from './shortcuts-dialog';
export { useShortcutsKey } from './use-shortcuts-key';
