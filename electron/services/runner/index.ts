export { createRunner } from './runner';
export { RunInputError, type RunEvent } from './types';
export { planRun } from './plan';
