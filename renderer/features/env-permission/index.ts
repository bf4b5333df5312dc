export { EnvPermissionPrompt } from './env-permission-prompt';
export { AllowedEnvList } from './allowed-env-list';
export { useAllowEnv, useAllowedEnv, useRevokeEnv } from './allowed-env-queries';
