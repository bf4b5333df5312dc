import { loadEditorModules } from './loaded-modules';

const whenIdle = (callback: () => void) =>
  typeof window.requestIdleCallback === 'function' ? window.requestIdleCallback(callback, { timeout: 2000 }) : window.setTimeout(callback, 200);

/**
 * Fetches Monaco without rendering anything, then warms it up in a later idle period: call once the window is idle
 * after first paint, so neither step competes with the user's first request.
 */
export function preloadMonaco(): void {
  void loadEditorModules().then(() => {
    whenIdle(() => {
      void import('./warm-up').then(({ warmUpMonaco }) => whenIdle(warmUpMonaco));
    });
  });
}
