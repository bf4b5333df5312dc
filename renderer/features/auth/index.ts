export { AuthPanel } from './auth-panel';
export { useAuthTab, type AuthTabState } from './use-auth-tab';
