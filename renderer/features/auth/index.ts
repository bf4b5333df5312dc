export { AuthPanel, type InheritedAuthInfo } from './auth-panel';
export { useAuthTab } from './use-auth-tab';
