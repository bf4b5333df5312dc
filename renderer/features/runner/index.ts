import { lazyNamed } from '../../ui';

// Loaded on the first "Run…": uPlot and the runner's views are not needed before.
export const RunnerView = lazyNamed(() => import('./runner-view'), 'RunnerView');
export type { RunTarget } from './runner-view';
