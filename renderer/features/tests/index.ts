import { lazyNamed } from '../../ui';

export const TestsEditor = lazyNamed(() => import('./tests-editor'), 'TestsEditor');
export { TestResultsPanel, TestsTabCounts, testsTabLabel } from './test-results-panel';
