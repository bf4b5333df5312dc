import type { RequestAuth } from '../contract/auth';
import type { HttpRequestSpec } from '../contract/http';
import { isOnlyReferences, SECRET_MASK } from '../variables';

// References joined by a separator ("{{user}}:{{pass}}") still name values rather than spell them.
const SEPARATORS_ONLY = /^[\s:]*$/;

function keep(field: string): string {
  if (field === '' || isOnlyReferences(field, SEPARATORS_ONLY)) return field;
  return SECRET_MASK;
}

/** An Auth tab's credentials as stored: typed values masked, {{references}} kept. */
export function redactStoredAuth(auth: RequestAuth): RequestAuth {
  switch (auth.kind) {
    case 'basic':
    case 'digest':
      return { ...auth, password: keep(auth.password) };
    case 'bearer':
      return { ...auth, token: keep(auth.token) };
    case 'apikey':
      return { ...auth, value: keep(auth.value) };
    case 'oauth2':
      return { ...auth, clientSecret: keep(auth.clientSecret) };
    default:
      return auth;
  }
}

/**
 * The composed request as history keeps it: a credential typed into the Auth tab is masked, a {{reference}} is kept
 * (it names a variable whose value is stored, encrypted if secret, elsewhere).
 */
export function redactStoredCredentials(spec: HttpRequestSpec): HttpRequestSpec {
  const auth = redactStoredAuth(spec.auth);
  return auth === spec.auth ? spec : { ...spec, auth };
}
