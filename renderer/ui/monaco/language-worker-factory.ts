/**
 * Stands in for Monaco's `internal/common/workers.js` when a language service (here: JSON) asks for its worker; see
 * `monacoLanguageWorkerShim` in vite.config.ts. The original does the same thing, but it also imports every editor
 * contribution Monaco has (code lens, drop-into-editor, inlay hints, …) as a side effect. Those arrived when the
 * JSON mode chunk loaded, after the first editor had already set up its services, so each new editor tried to
 * create contributions whose services did not exist ("depends on UNKNOWN service ICodeLensCache") and the bundle
 * carried code nobody used. Contributions are chosen in monaco-setup.ts, nowhere else.
 */
import { editor } from 'monaco-editor/editor/editor.api';

interface LanguageWorkerOptions {
  label?: string;
  moduleId?: string;
  createWorker?: () => Worker;
  createData?: unknown;
  host?: Record<string, (...args: never[]) => unknown>;
  keepIdleModels?: boolean;
}

function startWorker(options: LanguageWorkerOptions): Worker | Promise<Worker> {
  const label = options.label ?? 'monaco-editor-worker';
  const environment = self.MonacoEnvironment;
  if (environment?.getWorker) return environment.getWorker('workerMain.js', label);
  if (options.createWorker) return options.createWorker();
  throw new Error('MonacoEnvironment.getWorker is not set: monaco-setup.ts must be loaded first.');
}

export function createWebWorker<T extends object>(options: LanguageWorkerOptions): editor.MonacoWebWorker<T> {
  const worker = Promise.resolve(startWorker(options)).then((started) => {
    // The same two messages Monaco's own factory sends: the first is dropped by the worker, the second configures it.
    started.postMessage('ignore');
    started.postMessage(options.createData);
    return started;
  });
  return editor.createWebWorker<T>({ worker, host: options.host, keepIdleModels: options.keepIdleModels });
}
