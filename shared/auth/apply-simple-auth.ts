import type { HttpRequestSpec, KeyValue } from '../contract/http';
import { base64Utf8 } from '../variables';
import { appendQueryParam } from './append-query';

interface AppliedAuth {
  spec: HttpRequestSpec;
  /** values built from credentials, for redaction: the resolution's secrets do not include what auth derives */
  derivedSecrets: string[];
  warnings: string[];
}

/** Sets an auth header, replacing an enabled one of the same name from the Headers tab and saying so. */
export function withAuthHeader(spec: HttpRequestSpec, name: string, value: string, warnings: string[]): HttpRequestSpec {
  const lower = name.toLowerCase();
  const replaced = (header: KeyValue): boolean => header.enabled !== false && header.name.trim().toLowerCase() === lower;
  const kept = spec.headers.filter((header) => !replaced(header));
  if (kept.length !== spec.headers.length) {
    warnings.push(`The Auth tab's ${name} replaced the ${name} header set on the Headers tab.`);
  }
  return { ...spec, headers: [...kept, { name, value, enabled: true }] };
}

function nonEmpty(...values: string[]): string[] {
  return values.filter((value) => value !== '');
}

/**
 * Turns Basic, Bearer and API key auth into the header or query parameter they stand for. Runs after variables are
 * resolved; digest and OAuth 2.0 need a round trip and are left to the main process.
 */
export function applySimpleAuth(spec: HttpRequestSpec): AppliedAuth {
  const auth = spec.auth;
  const warnings: string[] = [];
  switch (auth.kind) {
    case 'basic': {
      const credentials = base64Utf8(`${auth.username}:${auth.password}`);
      const value = `Basic ${credentials}`;
      const next = withAuthHeader(spec, 'Authorization', value, warnings);
      return { spec: { ...next, auth: { kind: 'none' } }, derivedSecrets: nonEmpty(value, credentials, auth.password), warnings };
    }
    case 'bearer': {
      const prefix = auth.prefix.trim();
      if (auth.token === '') {
        warnings.push('The bearer token is empty, so no Authorization header was sent.');
        return { spec: { ...spec, auth: { kind: 'none' } }, derivedSecrets: [], warnings };
      }
      const value = prefix === '' ? auth.token : `${prefix} ${auth.token}`;
      const next = withAuthHeader(spec, 'Authorization', value, warnings);
      return { spec: { ...next, auth: { kind: 'none' } }, derivedSecrets: nonEmpty(value, auth.token), warnings };
    }
    case 'apikey': {
      const name = auth.name.trim();
      if (name === '') {
        warnings.push('The API key has no name, so it was not sent.');
        return { spec: { ...spec, auth: { kind: 'none' } }, derivedSecrets: nonEmpty(auth.value), warnings };
      }
      const next = auth.in === 'query' ? { ...spec, url: appendQueryParam(spec.url, name, auth.value) } : withAuthHeader(spec, name, auth.value, warnings);
      return { spec: { ...next, auth: { kind: 'none' } }, derivedSecrets: nonEmpty(auth.value), warnings };
    }
    default:
      return { spec, derivedSecrets: [], warnings };
  }
}
