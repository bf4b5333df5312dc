import { lazyNamed } from '../../ui';

// The Auth tab is not the one a request opens on: its panel (OAuth 2 flows, secret fields) loads when it is chosen.
export const AuthPanel = lazyNamed(() => import('./auth-panel'), 'AuthPanel');
export type { InheritedAuthInfo } from './auth-panel';
export { useAuthTab } from './use-auth-tab';
