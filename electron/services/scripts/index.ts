export { createScriptRunner } from './script-runner';
export type { ScriptOutcome, ScriptRunner, VariableWrite } from './script-runner';
export { type StartedSandbox } from './start-sandbox-worker';
export { SEND_REQUEST_LIMITS } from './sandbox-protocol';
export type {
  ScriptKind,
  ScriptRequest,
  ScriptResponse,
  ScriptRun,
  ScriptSendHandler,
  ScriptSendRequest,
  ScriptSendResult,
  ScriptVariables,
} from './script-types';
