export { createAuthService } from './auth-service';
export type { AuthService, AuthServiceDeps } from './auth-service';
export { oauth2TokenKey } from './token-store';
export type { StoredToken } from './token-store';
