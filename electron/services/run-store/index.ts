export { createRunStore, KEPT_RUNS_PER_COLLECTION, type KeptRun, type RunStore } from './run-store';
