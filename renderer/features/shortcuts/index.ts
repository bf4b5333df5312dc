import { lazyNamed } from '../../ui';

export const ShortcutsDialog = lazyNamed(() => import('./shortcuts-dialog'), 'ShortcutsDialog');
export { useShortcutsKey } from './use-shortcuts-key';
