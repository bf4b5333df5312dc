export { type RequestRun, type RunResult, type RunTotals, requestFailed, totalsOf } from './run-result';
export { parseDataFile, DataFileError, type DataRow } from './data-file';
export { retryWait, quotaWait, type RateLimitWait } from './rate-limit';
