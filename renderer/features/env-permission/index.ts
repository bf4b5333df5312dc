export { EnvPermissionPrompt } from './env-permission-prompt';
export { EnvPermissionNotice } from './env-permission-notice';
export { AllowedEnvList } from './allowed-env-list';
