import { parseCredentialRef, redactStoredCredentials } from '../auth';
import type { HttpRequestSpec, RequestAuth } from '../contract';
import { SECRET_MASK } from '../variables';
import { renderSlots } from './env-slot';
import { maskAuthorizationHeader } from './prepare';

/**
 * For file formats that keep {{references}} (Bruno, OpenAPI examples): a credential typed into the Auth tab or kept in
 * the vault is never written; it becomes a reference named for what it is, which the user sets in the other tool.
 */
function credential(value: string, name: string): string {
  return value === SECRET_MASK || parseCredentialRef(value) !== null ? `{{${name}}}` : value;
}

export function exportableAuth(auth: RequestAuth): RequestAuth {
  const redacted = redactStoredCredentials({ auth } as HttpRequestSpec).auth;
  switch (redacted.kind) {
    case 'basic':
    case 'digest':
      return { ...redacted, password: credential(redacted.password, 'PASSWORD') };
    case 'bearer':
      return { ...redacted, token: credential(redacted.token, 'TOKEN') };
    case 'apikey':
      return { ...redacted, value: credential(redacted.value, 'API_KEY') };
    case 'oauth2':
      return { ...redacted, clientSecret: credential(redacted.clientSecret, 'CLIENT_SECRET') };
    default:
      return redacted;
  }
}

/** An Authorization header typed with a literal credential keeps its scheme; the credential becomes a reference. */
export function exportableHeaderValue(name: string, value: string): string {
  return /^(proxy-)?authorization$/i.test(name.trim()) ? renderSlots(maskAuthorizationHeader(value), (slot) => `{{${slot}}}`) : value;
}
