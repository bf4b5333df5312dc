import './import-export.css';
export { ImportDialog } from './import-dialog';
export type { ImportOutcome } from './import-notice';
export { ExportDialog } from './export-dialog';
export { useCurlPaste, type CurlPasteNotice } from './use-curl-paste';
export { CurlPasteBanner } from './curl-paste-banner';
export { replaceDraft } from './replace-draft';
export { saveImportedEnvironments } from './save-imported-environments';
