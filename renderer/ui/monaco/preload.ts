import { loadEditorModules } from './loaded-modules';

/** Starts fetching the Monaco chunk without rendering anything, e.g. when the browser is idle after first paint. */
export function preloadMonaco(): void {
  void loadEditorModules();
}
