import type { RequestAuth } from '../contract/auth';

/**
 * The auth fields whose values are credentials: hidden wherever they might be echoed back once resolved, and
 * better kept in secret variables than typed in.
 */
export function credentialTexts(auth: RequestAuth): string[] {
  switch (auth.kind) {
    case 'basic':
    case 'digest':
      return [auth.password];
    case 'bearer':
      return [auth.token];
    case 'apikey':
      return [auth.value];
    case 'oauth2':
      return [auth.clientSecret];
    case 'inherit':
    case 'none':
      return [];
  }
}
