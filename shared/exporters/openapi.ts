import { stringify } from 'yaml';
import type { HttpRequestSpec, ImportedCollection, RequestAuth } from '../contract';
import { findVariableReferences } from '../variables';
import { flattenRequests } from '../importers/walk';

type Json = Record<string, unknown>;

/** "{{name}}" → "{name}", OpenAPI's template syntax for server variables and path parameters. */
function template(text: string, found: Set<string>): string {
  return text.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (_match, name: string) => {
    const clean = name.replace(/[^A-Za-z0-9_.-]/g, '_');
    found.add(clean);
    return `{${clean}}`;
  });
}

function splitUrl(url: string): { server: string; path: string; query: string } {
  const hash = url.indexOf('#');
  const withoutHash = hash === -1 ? url : url.slice(0, hash);
  const q = withoutHash.indexOf('?');
  const beforeQuery = q === -1 ? withoutHash : withoutHash.slice(0, q);
  const query = q === -1 ? '' : withoutHash.slice(q + 1);
  const origin = /^(\{\{[^{}]+\}\}|[a-z][a-z0-9+.-]*:\/\/[^/]*)(.*)$/i.exec(beforeQuery);
  if (origin) return { server: origin[1]!, path: origin[2]!, query };
  return { server: '', path: beforeQuery, query };
}

/** An example value only when it is a literal: a {{reference}} names a value kept elsewhere (maybe a secret). */
function example(value: string): Json {
  return value === '' || findVariableReferences(value).length > 0 ? {} : { example: value };
}

function securityScheme(auth: RequestAuth): Json | null {
  switch (auth.kind) {
    case 'basic':
      return { type: 'http', scheme: 'basic' };
    case 'digest':
      return { type: 'http', scheme: 'digest' };
    case 'bearer':
      return { type: 'http', scheme: 'bearer' };
    case 'apikey':
      return { type: 'apiKey', name: auth.name, in: auth.in === 'query' ? 'query' : 'header' };
    case 'oauth2': {
      const scopes = Object.fromEntries(
        auth.scope
          .split(/\s+/)
          .filter(Boolean)
          .map((scope) => [scope, '']),
      );
      return auth.grant === 'authorization_code'
        ? { type: 'oauth2', flows: { authorizationCode: { authorizationUrl: auth.authorizationUrl, tokenUrl: auth.tokenUrl, scopes } } }
        : { type: 'oauth2', flows: { clientCredentials: { tokenUrl: auth.tokenUrl, scopes } } };
    }
    default:
      return null;
  }
}

/** What a security requirement lists: the OAuth scopes, nothing for the other schemes. */
function scopesOf(auth: RequestAuth): string[] {
  return auth.kind === 'oauth2' ? auth.scope.split(/\s+/).filter(Boolean) : [];
}

function parsedExample(text: string): Json {
  try {
    return { example: JSON.parse(text) as unknown };
  } catch {
    return text === '' ? {} : { example: text };
  }
}

function requestBody(spec: HttpRequestSpec): Json | null {
  const body = spec.body;
  const properties = (fields: readonly { name: string; value: string }[]) =>
    Object.fromEntries(fields.map((field) => [field.name, { type: 'string', ...example(field.value) }]));
  switch (body.kind) {
    case 'json':
      return { content: { 'application/json': { schema: {}, ...parsedExample(body.text) } } };
    case 'text':
      return { content: { [body.contentType || 'text/plain']: { schema: { type: 'string' }, ...(body.text ? { example: body.text } : {}) } } };
    case 'form':
      return {
        content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', properties: properties(body.fields.filter((field) => field.enabled)) } } },
      };
    case 'multipart':
      return {
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              properties: Object.fromEntries(
                body.parts
                  .filter((part) => part.enabled)
                  .map((part) => [
                    part.name,
                    part.kind === 'file'
                      ? { type: 'string', contentMediaType: part.file?.contentType ?? 'application/octet-stream' }
                      : { type: 'string', ...example(part.value) },
                  ]),
              ),
            },
          },
        },
      };
    case 'binary':
      return {
        content: {
          [body.file?.contentType ?? 'application/octet-stream']: {
            schema: { type: 'string', contentMediaType: body.file?.contentType ?? 'application/octet-stream' },
          },
        },
      };
    case 'graphql':
      return {
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['query'],
              properties: { query: { type: 'string' }, variables: { type: 'object' }, operationName: { type: 'string' } },
            },
            example: { query: body.query, ...(body.operationName ? { operationName: body.operationName } : {}), ...parsedVariables(body.variables) },
          },
        },
      };
    default:
      return null;
  }
}

function parsedVariables(text: string): Json {
  if (text.trim() === '') return {};
  try {
    return { variables: JSON.parse(text) as unknown };
  } catch {
    return {};
  }
}

function operationId(name: string, taken: Set<string>): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const base =
    words.map((word, i) => (i === 0 ? word.charAt(0).toLowerCase() + word.slice(1) : word.charAt(0).toUpperCase() + word.slice(1))).join('') || 'operation';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}${n}`;
  taken.add(id);
  return id;
}

const SKIPPED_HEADERS = new Set(['content-type', 'accept', 'authorization']);

/**
 * An OpenAPI 3.1 skeleton of a collection: one operation per request (path from the URL, the leading {{variable}} or
 * origin moved into servers), its path, query and header parameters, request body with media type and an example,
 * and security schemes from the auth (never a credential). Courier keeps responses in history, not in collections, so
 * each operation has a default response only. Variables named in `secretNames` get no default.
 */
export function toOpenApiDocument(collection: ImportedCollection, secretNames: ReadonlySet<string> = new Set()): { document: Json; warnings: string[] } {
  const warnings: string[] = [];
  const known = new Map(collection.variables.filter((variable) => !secretNames.has(variable.name)).map((variable) => [variable.name, variable.value]));
  const servers: Json[] = [];
  const serverKeys: string[] = [];
  const serverOf = (raw: string): string | null => {
    if (raw === '') return null;
    const variables = new Set<string>();
    const url = template(raw, variables);
    if (!serverKeys.includes(url)) {
      serverKeys.push(url);
      servers.push({
        url,
        ...(variables.size > 0 ? { variables: Object.fromEntries([...variables].map((name) => [name, { default: known.get(name) ?? '' }])) } : {}),
      });
    }
    return url;
  };
  const paths: Record<string, Json> = {};
  const schemes: Record<string, Json> = {};
  const ids = new Set<string>();
  const collectionScheme = securityScheme(collection.auth);
  if (collectionScheme) schemes.collectionAuth = collectionScheme;
  for (const { path: folders, request } of flattenRequests(collection.items)) {
    const spec = request.request;
    const label = [...folders, request.name].join(' / ');
    const { server, path: rawPath, query } = splitUrl(spec.url);
    const serverUrl = serverOf(server);
    const pathNames = new Set<string>();
    const pathKey = template(`/${rawPath.replace(/^\/+/, '')}`.replace(/\/:([A-Za-z_][\w-]*)(?=\/|$)/g, '/{{$1}}'), pathNames);
    const method = spec.method.toLowerCase();
    if (!['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'].includes(method)) {
      warnings.push(`${label}: the method ${spec.method} has no place in OpenAPI; the request was left out.`);
      continue;
    }
    const item = (paths[pathKey] ??= {});
    if (item[method]) {
      warnings.push(`${label}: another request already describes ${spec.method} ${pathKey}; this one was left out.`);
      continue;
    }
    const variables = new Map(spec.variables.map((variable) => [variable.name, variable.value]));
    const queryPairs =
      query === ''
        ? []
        : query.split('&').map((pair) => ({
            name: decodeURIComponentSafe(pair.split('=')[0]!),
            value: decodeURIComponentSafe(pair.slice(pair.indexOf('=') + 1 || pair.length)),
            enabled: true,
          }));
    const parameters: Json[] = [
      ...[...pathNames].map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' }, ...example(variables.get(name) ?? '') })),
      ...[...queryPairs, ...spec.params].map((param) => ({
        name: param.name,
        in: 'query',
        ...(param.enabled ? {} : { required: false }),
        schema: { type: 'string' },
        ...example(param.value),
      })),
      ...spec.headers
        .filter((header) => !SKIPPED_HEADERS.has(header.name.toLowerCase()))
        .map((header) => ({ name: header.name, in: 'header', schema: { type: 'string' }, ...example(header.value) })),
    ];
    const scheme = spec.auth.kind === 'inherit' ? null : securityScheme(spec.auth);
    let security: Json[] | undefined;
    if (spec.auth.kind === 'none' && collectionScheme) security = [];
    const id = operationId(request.name, ids);
    if (scheme) {
      // named after the operation, which is unique, so two requests with the same name keep their own schemes
      const name = `${id}Auth`;
      schemes[name] = scheme;
      security = [{ [name]: scopesOf(spec.auth) }];
    }
    const body = requestBody(spec);
    item[method] = {
      operationId: id,
      summary: request.name,
      ...(request.description ? { description: request.description } : {}),
      ...(folders.length > 0 ? { tags: [folders.join(' / ')] } : {}),
      ...(serverUrl !== null && serverUrl !== serverKeys[0] ? { servers: [{ url: serverUrl }] } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(body ? { requestBody: body } : {}),
      ...(security ? { security } : {}),
      responses: { default: { description: 'Response' } },
    };
  }
  const document: Json = {
    openapi: '3.1.0',
    info: { title: collection.name, version: '1.0.0', ...(collection.description ? { description: collection.description } : {}) },
    ...(servers.length > 0 ? { servers: [servers[0]] } : {}),
    paths,
    ...(Object.keys(schemes).length > 0 ? { components: { securitySchemes: schemes } } : {}),
    ...(collectionScheme ? { security: [{ collectionAuth: scopesOf(collection.auth) }] } : {}),
  };
  // servers used by only some operations are also listed at the top, after the first, so tools offer them
  if (servers.length > 1) document.servers = servers;
  return { document, warnings };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** The skeleton as YAML, the form most OpenAPI tools show. */
export function toOpenApi(collection: ImportedCollection, secretNames: ReadonlySet<string> = new Set()): { text: string; warnings: string[] } {
  const { document, warnings } = toOpenApiDocument(collection, secretNames);
  return { text: stringify(document, { lineWidth: 0 }), warnings };
}
