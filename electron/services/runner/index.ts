export { createRunner, type Runner } from './runner';
export { RunInputError, type RunEvent, type RunnerDeps, type RunOptions } from './types';
export { planRun, type PlannedRequest } from './plan';
