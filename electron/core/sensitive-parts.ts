import { type HttpRequestSpec, type RequestAuth } from '../../shared/contract';
import { MIN_SECRET_MATCH } from '../../shared/variables';
import { type SensitiveParts } from '../services/http';

function carriesSecret(value: string, secrets: readonly string[]): boolean {
  for (const secret of secrets) if (secret.length >= MIN_SECRET_MATCH && value.includes(secret)) return true;
  return false;
}

/**
 * Which headers and query parameters of a prepared request carry a credential or a secret value: the engine drops
 * them on a redirect to another origin. `auth` is the request's auth before it was applied (an API key's name).
 */
export function sensitiveParts(spec: HttpRequestSpec, auth: RequestAuth, secrets: readonly string[]): SensitiveParts {
  const headers = new Set<string>();
  const queryParams = new Set<string>();
  for (const header of spec.headers) {
    if (header.enabled && carriesSecret(header.value, secrets)) headers.add(header.name.trim().toLowerCase());
  }
  for (const param of spec.params) {
    if (param.enabled && carriesSecret(param.value, secrets)) queryParams.add(param.name.trim());
  }
  try {
    for (const [name, value] of new URL(spec.url.trim()).searchParams) if (carriesSecret(value, secrets)) queryParams.add(name);
  } catch {
    // not a URL yet: the engine refuses it before any redirect
  }
  if (auth.kind === 'apikey' && auth.name.trim() !== '') {
    if (auth.in === 'query') queryParams.add(auth.name.trim());
    else headers.add(auth.name.trim().toLowerCase());
  }
  return { headers: [...headers], queryParams: [...queryParams] };
}
