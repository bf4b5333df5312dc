export { TestsEditor } from './tests-editor';
export { TestResultsPanel, testsTabLabel } from './test-results-panel';
