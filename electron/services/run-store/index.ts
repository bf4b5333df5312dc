export { createRunStore, type RunStore } from './run-store';
