export { useRequestExecution, type RequestExecution } from './use-request-execution';
