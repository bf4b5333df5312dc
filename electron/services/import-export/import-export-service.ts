import { CourierError, type ExportableRequest, type ImportResult, type SnippetTargetId } from '../../../shared/contract';
import { ImportFormatError, importFolder, importText } from '../../../shared/importers';
import { dereferenceOpenApi } from './openapi-dereference';
import { readCollectionFolder } from './read-folder';
import { writeExportFolder } from './write-folder';
import { generateSnippet } from './snippet';

export interface ImportExportService {
  /** All or nothing: a malformed text is an INVALID_IMPORT error and nothing of it is returned. */
  parse(text: string): Promise<ImportResult>;
  /** A collection kept as a folder of files (Bruno), read from an absolute path with the workspace's safe-read limits. */
  parseFolder(folder: string): Promise<ImportResult>;
  /** Exported files into a new folder `name` inside `destination`; never over an existing one. Answers its path. */
  writeFolder(destination: string, name: string, files: readonly { path: string; text: string }[]): Promise<string>;
  snippet(request: ExportableRequest, target: SnippetTargetId): string;
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
    async parseFolder(folder) {
      const files = await readCollectionFolder(folder);
      try {
        return importFolder(files);
      } catch (error) {
        if (error instanceof ImportFormatError) throw new CourierError('INVALID_IMPORT', error.message);
        throw error;
      }
    },
    writeFolder: writeExportFolder,
    snippet: generateSnippet,
  };
}
