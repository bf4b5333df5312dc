// What the window needs of the Tests feature: labels and counts, without the engine. The renderer imports this file
// rather than the index so ajv (which compiles schemas with new Function, refused by the window's CSP) and
// jsonpath-plus stay out of its bundle: tests are evaluated in the main process only.
export { OPERATOR_LABELS, TARGET_LABELS, UNARY_OPERATORS, TARGETS_WITH_PROPERTY } from './describe-row';
export { testCounts } from './counts';
export { TYPE_NAMES } from './type-names';
