export { createImportExportService, type ImportExportService } from './import-export-service';
export type { ImportPhase } from './import-worker-protocol';
