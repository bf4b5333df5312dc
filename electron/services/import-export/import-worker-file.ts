import { workerFile } from '../worker-files';

/** Where import-worker.js is (built) or its bundle for tests (from the sources): see workerFile. */
export function importWorkerFile(): Promise<URL> {
  return workerFile(import.meta.url, 'import-worker');
}
