export { AuthPanel, type InheritedAuthInfo } from './auth-panel';
export { useAuthTab, type AuthTabState } from './use-auth-tab';
