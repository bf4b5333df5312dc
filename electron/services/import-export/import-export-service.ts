import { CourierError, type ExportableRequest, type ExportInput, type ImportResult, type SnippetTargetId } from '../../../shared/contract';
import { IN_PROCESS_MAX_CHARS } from './in-process-limit';
import { importWorkerFile } from './import-worker-file';
import type { ImportPhase } from './import-worker-protocol';
import { readCollectionFolder } from './read-folder';
import { runImportWorker } from './run-import-worker';
import { writeExportFolder } from './write-folder';

// The importers (seven formats, two YAML parsers) and httpsnippet load on first use, not with the service: every
// host creates this service at start, and most sessions (every `courier run` of a workspace) never import or export.

export interface ParseOptions {
  /** the URL the text was read from: OpenAPI servers relative to the document resolve against it */
  sourceUrl?: string;
  onProgress?: (phase: ImportPhase) => void;
  /** cancels the import (CANCELLED) */
  signal?: AbortSignal;
}

export interface ImportExportService {
  /**
   * All or nothing: a malformed text is an INVALID_IMPORT error and nothing of it is returned. A text longer than
   * IN_PROCESS_MAX_CHARS is parsed, resolved and converted in a worker thread, so a 58 MB description never stalls the
   * main process; a shorter one (a curl paste, an ordinary collection) in-process, sparing the worker's start-up.
   */
  parse(text: string, options?: ParseOptions): Promise<ImportResult>;
  /** A collection kept as a folder of files (Bruno), read from an absolute path with the workspace's safe-read limits. */
  parseFolder(folder: string): Promise<ImportResult>;
  /** Exported files into a new folder `name` inside `destination`; never over an existing one. Answers its path. */
  writeFolder(destination: string, name: string, files: readonly { path: string; text: string }[]): Promise<string>;
  /** the code, and exactly the environment variables it reads */
  snippet(request: ExportableRequest, target: SnippetTargetId): Promise<{ code: string; inputs: ExportInput[] }>;
}

interface ImportExportServiceOptions {
  /** where the built import worker is; the default finds it beside the running bundle */
  workerFile?: () => Promise<URL>;
}

export function createImportExportService(serviceOptions: ImportExportServiceOptions = {}): ImportExportService {
  const workerFile = serviceOptions.workerFile ?? importWorkerFile;
  return {
    async parse(text, options = {}) {
      const { sourceUrl, onProgress, signal } = options;
      if (text.length <= IN_PROCESS_MAX_CHARS) {
        const { importInProcess } = await import('./import-in-process');
        return importInProcess(text, options);
      }
      return runImportWorker(
        await workerFile(),
        { text, ...(sourceUrl === undefined ? {} : { sourceUrl }) },
        { ...(onProgress ? { onProgress } : {}), ...(signal ? { signal } : {}) },
      );
    },
    async parseFolder(folder) {
      const files = await readCollectionFolder(folder);
      const { ImportFormatError, importFolder } = await import('../../../shared/importers');
      try {
        return importFolder(files);
      } catch (error) {
        if (error instanceof ImportFormatError) throw new CourierError('INVALID_IMPORT', error.message);
        throw error;
      }
    },
    writeFolder: writeExportFolder,
    async snippet(request, target) {
      const { generateSnippet } = await import('./snippet');
      return generateSnippet(request, target);
    },
  };
}
