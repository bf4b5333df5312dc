export { evaluateAssertions } from './evaluate';
export { extractCaptures, type CaptureExtract } from './captures';
export { describeAssertion, OPERATOR_LABELS, TARGET_LABELS, UNARY_OPERATORS, TARGETS_WITH_PROPERTY } from './describe-row';
export { TEST_BODY_CAP_BYTES, type TestResponse } from './response-view';
export { TYPE_NAMES } from './type-names';
export { testCounts, type TestCounts } from './counts';
