export { useVariablesState, useVariablesEvents, variablesKeys } from './variables-queries';
export { EnvironmentPicker } from './environment-picker';
import { lazyNamed } from '../../ui';

// Dialogs, loaded when first opened.
export const EnvironmentEditor = lazyNamed(() => import('./environment-editor'), 'EnvironmentEditor');
export const VaultDialog = lazyNamed(() => import('./vault-dialog'), 'VaultDialog');
export { VaultIndicator } from './vault-indicator';
export { VaultWarningBanner } from './vault-warning-banner';
export { useEnvironmentDialogs } from './use-environment-dialogs';
export { VaultNeededMessage } from './vault-needed-message';
export { VaultRetryButton } from './vault-retry-button';
