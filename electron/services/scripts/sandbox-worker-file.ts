import { workerFile } from '../worker-files';

/** Where sandbox-worker.js is (built) or its bundle for tests (from the sources): see workerFile. */
export function sandboxWorkerFile(): Promise<URL> {
  return workerFile(import.meta.url, 'sandbox-worker');
}
