export { useVariablesState, useVariablesEvents, useVariablesMutation, useVaultMutation, variablesKeys } from './variables-queries';
export { EnvironmentPicker } from './environment-picker';
export { EnvironmentEditor } from './environment-editor';
export { VaultDialog } from './vault-dialog';
export { VaultIndicator } from './vault-indicator';
export { VaultWarningBanner } from './vault-warning-banner';
export { useEnvironmentDialogs } from './use-environment-dialogs';
