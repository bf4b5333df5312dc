export { evaluateExchangeTests, hasTests, type EvaluatedTests, type TestingDeps } from './evaluate-exchange';
export { applyCaptures, type CaptureTargets } from './apply-captures';
export { createSessionVariables, type SessionVariables } from './session-variables';
