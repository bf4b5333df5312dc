export { evaluateExchangeTests, hasTests, type TestingDeps } from './evaluate-exchange';
export { createSessionVariables, type SessionVariables } from './session-variables';
