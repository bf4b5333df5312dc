export { evaluateAssertions } from './evaluate';
export { extractCaptures, type CaptureExtract } from './captures';
export { TEST_BODY_CAP_BYTES, type TestResponse } from './response-view';
export { testCounts } from './counts';
