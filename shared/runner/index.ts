export { type RequestRun, type RunResult, type RunTotals, requestFailed, requestOutcome, totalsOf } from './run-result';
export { parseDataFile, DataFileError, type DataRow } from './data-file';
export { retryWait, quotaWait } from './rate-limit';
export { jsonReport } from './report-json';
export { junitReport } from './report-junit';
export { htmlReport } from './report-html';
export { compareRuns, responseTimesOf, type ComparedRequest, type RunSide } from './compare';
export { requestsText, secondsText } from './wording';
export { requestsToRun, type RunRequest } from './requests-to-run';
