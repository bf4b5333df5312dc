import { lazyNamed } from '../../ui';

// Loaded when first opened: the jar is looked at now and then, not at every start.
export const CookiesDialog = lazyNamed(() => import('./cookies-dialog'), 'CookiesDialog');
