export { EnvPermissionPrompt } from './env-permission-prompt';
