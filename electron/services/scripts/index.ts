export { createScriptRunner, scriptLabel } from './script-runner';
export type { ScriptConsoleLine, ScriptOutcome, ScriptRunner, ScriptRunnerOptions, ScriptRunOptions, VariableWrite } from './script-runner';
export { startSandboxWorker, DEFAULT_MEMORY_BYTES, type StartedSandbox } from './start-sandbox-worker';
export { DEFAULT_LIMITS, SCRIPT_SCOPES, SEND_REQUEST_LIMITS } from './script-types';
export type {
  SandboxLimits,
  ScriptHeader,
  ScriptKind,
  ScriptRequest,
  ScriptResponse,
  ScriptRun,
  ScriptScope,
  ScriptSendHandler,
  ScriptSendRequest,
  ScriptSendResult,
  ScriptVariables,
} from './script-types';
