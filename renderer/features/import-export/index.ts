import { lazyNamed } from '../../ui';

// The dialogs are loaded when first opened; the curl paste hook stays, since it acts on any paste into the URL bar.
export const ImportDialog = lazyNamed(() => import('./import-dialog'), 'ImportDialog');
export const ExportDialog = lazyNamed(() => import('./export-dialog'), 'ExportDialog');
export { useCurlPaste } from './use-curl-paste';
export { CurlPasteBanner } from './curl-paste-banner';
export { replaceDraft } from './replace-draft';
