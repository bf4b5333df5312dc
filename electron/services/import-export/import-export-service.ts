import { CourierError, type ExportableRequest, type ExportInput, type ImportResult, type SnippetTargetId } from '../../../shared/contract';
import { ImportFormatError, importText } from '../../../shared/importers';
import { dereferenceOpenApi } from './openapi-dereference';
import { generateSnippet } from './snippet';

export interface ImportExportService {
  /** All or nothing: a malformed text is an INVALID_IMPORT error and nothing of it is returned. */
  parse(text: string): Promise<ImportResult>;
  /** the code, and exactly the environment variables it reads */
  snippet(request: ExportableRequest, target: SnippetTargetId): { code: string; inputs: ExportInput[] };
}

export function createImportExportService(): ImportExportService {
  return {
    async parse(text) {
      try {
        return await importText(text, { dereference: dereferenceOpenApi });
      } catch (error) {
        if (error instanceof ImportFormatError) throw new CourierError('INVALID_IMPORT', error.message);
        throw error;
      }
    },
    snippet: generateSnippet,
  };
}
