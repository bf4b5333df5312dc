import type { RequestAuth } from '../contract/auth';
import type { HttpRequestSpec, KeyValue, MultipartPart, RequestBody } from '../contract/http';
import { requestLayer } from './layers';
import { createResolver } from './resolver';
import type { ResolveEnvironment, Resolution, VariableLayer } from './types';

type Resolve = (text: string) => string;

// Disabled rows are not sent, so they neither fail a send (a locked secret) nor count as unresolved.
function resolveRows(rows: readonly KeyValue[], resolve: Resolve): KeyValue[] {
  return rows.map((row) => (row.enabled !== false ? { ...row, name: resolve(row.name), value: resolve(row.value) } : { ...row }));
}

function resolvePart(part: MultipartPart, resolve: Resolve): MultipartPart {
  if (part.enabled === false) return { ...part };
  if (part.kind === 'text') return { ...part, name: resolve(part.name), value: resolve(part.value) };
  return { ...part, name: resolve(part.name) };
}

function resolveBody(body: RequestBody, resolve: Resolve): RequestBody {
  switch (body.kind) {
    case 'json':
      return { ...body, text: resolve(body.text) };
    case 'text':
      return { ...body, text: resolve(body.text), contentType: resolve(body.contentType) };
    case 'form':
      return { ...body, fields: resolveRows(body.fields, resolve) };
    case 'multipart':
      return { ...body, parts: body.parts.map((part) => resolvePart(part, resolve)) };
    default:
      return { ...body };
  }
}

function resolveAuth(auth: RequestAuth, resolve: Resolve): RequestAuth {
  switch (auth.kind) {
    case 'inherit':
    case 'none':
      return { ...auth };
    case 'basic':
    case 'digest':
      return { ...auth, username: resolve(auth.username), password: resolve(auth.password) };
    case 'bearer':
      return { ...auth, token: resolve(auth.token), prefix: resolve(auth.prefix) };
    case 'apikey':
      return { ...auth, name: resolve(auth.name), value: resolve(auth.value) };
    case 'oauth2':
      return {
        ...auth,
        tokenUrl: resolve(auth.tokenUrl),
        authorizationUrl: resolve(auth.authorizationUrl),
        clientId: resolve(auth.clientId),
        clientSecret: resolve(auth.clientSecret),
        scope: resolve(auth.scope),
        audience: resolve(auth.audience),
        headerPrefix: resolve(auth.headerPrefix),
      };
  }
}

/**
 * The spec as it will be sent, every {{reference}} replaced. The request's own variables become the highest layer;
 * their values may refer to any layer, themselves included through the same resolver. `spec.variables` is returned
 * as written: nothing downstream reads it, and resolved it would carry secrets in plain text.
 */
export function resolveRequestSpec(
  spec: HttpRequestSpec,
  layers: readonly VariableLayer[],
  env?: ResolveEnvironment,
): { spec: HttpRequestSpec; resolution: Resolution } {
  const resolver = createResolver([requestLayer(spec.variables), ...layers], env);
  const resolve: Resolve = (text) => resolver.resolve(text);
  const resolved: HttpRequestSpec = {
    ...spec,
    url: resolve(spec.url),
    params: resolveRows(spec.params, resolve),
    headers: resolveRows(spec.headers, resolve),
    body: resolveBody(spec.body, resolve),
    settings: { ...spec.settings },
    settingTemplates: Object.fromEntries(Object.entries(spec.settingTemplates ?? {}).map(([key, text]) => [key, text === undefined ? text : resolve(text)])),
    auth: resolveAuth(spec.auth, resolve),
    variables: spec.variables.map((variable) => ({ ...variable })),
    // expected values may say {{variables}}; resolved with the send's layers so a secret one is masked
    ...(spec.tests === undefined
      ? {}
      : { tests: { ...spec.tests, assertions: spec.tests.assertions.map((row) => ({ ...row, expected: resolve(row.expected) })) } }),
  };
  return { spec: resolved, resolution: resolver.resolution() };
}
