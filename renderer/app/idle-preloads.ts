import { preloadRequestSections } from '../features/request-builder';
import { preloadResponseViews } from '../features/response-viewer';
import { preloadMonaco } from '../ui/monaco';

/**
 * Code kept out of the startup bundle that the user is likely to need soon: fetched once the window is idle after
 * its first paint, so the body editor, the request sections and the first response show without waiting for a chunk.
 * The one list of such preloads: a panel added to it is fetched at idle, one left out loads on first use.
 */
const IDLE_PRELOADS: readonly (() => unknown)[] = [preloadResponseViews, preloadRequestSections, preloadMonaco];

export function preloadWhenIdle(): void {
  const idle = window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 500));
  idle(() => {
    for (const preload of IDLE_PRELOADS) {
      // a chunk that fails here is fetched again when its panel is first shown, and reports its error there
      void Promise.resolve()
        .then(preload)
        .catch(() => undefined);
    }
  });
}
