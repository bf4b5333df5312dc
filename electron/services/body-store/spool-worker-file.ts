import { workerFile } from '../worker-files';

/** Where spool-worker.js is (built) or its bundle for tests (from the sources): see workerFile. */
export function spoolWorkerFile(): Promise<URL> {
  return workerFile(import.meta.url, 'spool-worker');
}
