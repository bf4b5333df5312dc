export { createImportExportService, type ImportExportService } from './import-export-service';
export { dereferenceOpenApi } from './openapi-dereference';
