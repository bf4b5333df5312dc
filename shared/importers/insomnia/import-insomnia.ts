import {
  httpRequestSpecSchema,
  type ImportedEnvironment,
  type ImportedItem,
  type ImportResult,
  type KeyValue,
  type RequestAuthInput,
  type RequestBody,
  type SavedScripts,
} from '../../contract';
import { bodyFromText } from '../common/body';
import { arr, convertOrLeaveOut, ImportFormatError, isComputedHeader, isRecord, str, Warnings } from '../common/warnings';
import { grantNote } from '../postman/postman-auth';
import { insomniaV5ToResources, isInsomniaV5, UNIT_TESTS_NOT_CARRIED } from './insomnia-v5';

type Resource = Record<string, unknown> & { _id: string; _type: string; parentId: string | null };

/** Insomnia's Nunjucks "{{ _.name }}" is Courier's "{{name}}"; tags ({% … %}) have no equivalent. */
function template(text: string, path: string[], warnings: Warnings): string {
  if (/\{%/.test(text)) warnings.add(path, `Template tags ({% … %}) are not supported: "${text.slice(0, 80)}"`);
  return text.replace(/\{\{\s*_\.([A-Za-z0-9_.-]+)\s*\}\}/g, '{{$1}}').replace(/\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g, '{{$1}}');
}

function pairs(raw: unknown, path: string[], warnings: Warnings): KeyValue[] {
  return arr(raw)
    .filter(isRecord)
    .map((entry) => ({ name: template(str(entry.name), path, warnings), value: template(str(entry.value), path, warnings), enabled: entry.disabled !== true }));
}

/**
 * Insomnia: an empty authentication ({} or absent) is "Inherit from parent", type "none" is No Auth, and a disabled
 * one sends nothing.
 */
function authOf(raw: unknown, path: string[], warnings: Warnings): RequestAuthInput {
  if (!isRecord(raw) || !raw.type) return { kind: 'inherit' };
  if (raw.disabled === true || str(raw.type) === 'none') return { kind: 'none' };
  const t = (key: string) => template(str(raw[key]), path, warnings);
  switch (str(raw.type)) {
    case 'basic':
      return { kind: 'basic', username: t('username'), password: t('password') };
    case 'digest':
      return { kind: 'digest', username: t('username'), password: t('password') };
    case 'bearer':
      return { kind: 'bearer', token: t('token'), prefix: str(raw.prefix) || 'Bearer' };
    case 'apikey':
      return { kind: 'apikey', name: t('key'), value: t('value'), in: str(raw.addTo) === 'queryParams' ? 'query' : 'header' };
    case 'oauth2':
      if (str(raw.grantType) && !['authorization_code', 'client_credentials'].includes(str(raw.grantType))) warnings.add(path, grantNote(str(raw.grantType)));
      return {
        kind: 'oauth2',
        grant: str(raw.grantType) === 'authorization_code' ? 'authorization_code' : 'client_credentials',
        tokenUrl: t('accessTokenUrl'),
        authorizationUrl: t('authorizationUrl'),
        clientId: t('clientId'),
        clientSecret: t('clientSecret'),
        scope: t('scope'),
        audience: t('audience'),
      };
    default:
      warnings.add(path, `The auth type "${str(raw.type)}" is not supported; the request has no auth.`);
      return { kind: 'none' };
  }
}

function bodyOf(raw: unknown, path: string[], warnings: Warnings): RequestBody {
  if (!isRecord(raw)) return { kind: 'none' };
  const mimeType = str(raw.mimeType);
  if (mimeType === 'application/x-www-form-urlencoded') return { kind: 'form', fields: pairs(raw.params, path, warnings) };
  if (mimeType === 'multipart/form-data') {
    return {
      kind: 'multipart',
      parts: arr(raw.params)
        .filter(isRecord)
        .map((param) => {
          if (str(param.type) === 'file') {
            warnings.add(path, `The file for part "${str(param.name)}" was not imported.`);
            return { kind: 'file' as const, name: str(param.name), file: null, enabled: param.disabled !== true };
          }
          return { kind: 'text' as const, name: str(param.name), value: template(str(param.value), path, warnings), enabled: param.disabled !== true };
        }),
    };
  }
  if (mimeType === 'application/octet-stream') {
    warnings.add(path, 'The body file was not imported; choose it in the Body tab.');
    return { kind: 'binary', file: null };
  }
  if (mimeType === 'application/graphql') return { kind: 'json', text: str(raw.text) };
  return bodyFromText(mimeType, template(str(raw.text), path, warnings));
}

function flatVariables(data: unknown, prefix = ''): KeyValue[] {
  if (!isRecord(data)) return [];
  return Object.entries(data).flatMap(([key, value]) =>
    isRecord(value)
      ? flatVariables(value, `${prefix}${key}.`)
      : [{ name: `${prefix}${key}`, value: typeof value === 'string' ? value : JSON.stringify(value), enabled: true }],
  );
}

/** Insomnia's ":id" path parameters become {{id}}, with their value as a request variable (as for Postman). */
function withPathParameters(url: string, parameters: KeyValue[]): { url: string; variables: KeyValue[] } {
  let result = url;
  for (const parameter of parameters) {
    result = result.replace(new RegExp(`(/):${parameter.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[/?#]|$)`, 'g'), `$1{{${parameter.name}}}`);
  }
  return { url: result, variables: parameters.map((parameter) => ({ ...parameter, enabled: true })) };
}

interface Inherited {
  auth: RequestAuthInput | null;
  headers: KeyValue[];
  variables: KeyValue[];
}

/**
 * Insomnia's pre-request and after-response scripts, kept to run in Courier's sandbox: Insomnia's `insomnia` object is
 * Postman's `pm` under another name, and the sandbox answers to both (electron/services/scripts/sandbox/compat-source.ts).
 */
function scriptsOf(resource: Resource): SavedScripts | undefined {
  const v5 = isRecord(resource.scripts) ? resource.scripts : {};
  const pre = str(resource.preRequestScript ?? v5.preRequest).trim();
  const post = str(resource.afterResponseScript ?? v5.afterResponse).trim();
  if (pre === '' && post === '') return undefined;
  return { ...(pre ? { preRequest: pre } : {}), ...(post ? { postResponse: post } : {}) };
}

/** The name wins from the nearer level: a request's own entries first, then its folders' (nearest first). */
function merged(own: KeyValue[], inherited: KeyValue[]): KeyValue[] {
  const names = new Set(own.map((entry) => entry.name.toLowerCase()));
  return [...own, ...inherited.filter((entry) => !names.has(entry.name.toLowerCase()))];
}

const IGNORED_TYPES = new Set(['environment', 'cookie_jar', 'api_spec', 'proto_file', 'proto_directory', 'unit_test', 'workspace']);

/**
 * Insomnia export format 4 (JSON or YAML) and, rewritten to the same resources first, format 5 (the YAML of Insomnia
 * 10 and later).
 */
export function importInsomnia(json: Record<string, unknown>): ImportResult {
  const v5 = isInsomniaV5(json) ? insomniaV5ToResources(json) : null;
  if (!v5 && (json.__export_format !== 4 || !Array.isArray(json.resources)))
    throw new ImportFormatError('This is not an Insomnia v4 export ("__export_format": 4 with "resources").');
  const warnings = new Warnings();
  for (const note of v5?.notes ?? []) warnings.add(note.path, note.message);
  const isResource = (r: unknown): r is Resource => isRecord(r) && typeof r._id === 'string' && typeof r._type === 'string';
  const all = v5 ? v5.resources : arr(json.resources);
  all.forEach((resource, index) => {
    if (isResource(resource)) return;
    const name = isRecord(resource) ? str(resource.name) : '';
    warnings.add([name || `resources[${index}]`], 'Not imported: it is not an Insomnia resource (it has no "_id" and "_type").');
  });
  const resources = all.filter(isResource);
  const ids = new Set(resources.map((resource) => resource._id));
  const children = new Map<string | null, Resource[]>();
  for (const resource of resources) {
    const parent = typeof resource.parentId === 'string' && resource.parentId !== '' ? resource.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), resource]);
  }
  const byOrder = (a: Resource, b: Resource) => Number(a.metaSortKey ?? 0) - Number(b.metaSortKey ?? 0);
  const convert = (resource: Resource, parentPath: string[], inherited: Inherited): ImportedItem | null => {
    const name = str(resource.name, 'Untitled');
    const path = [...parentPath, name];
    const scripts = scriptsOf(resource);
    if (resource._type === 'request_group') {
      // Courier folders carry neither auth, headers nor variables: what the folder gives its requests is written onto them
      const ownAuth = authOf(resource.authentication, path, warnings);
      const headers = pairs(resource.headers, path, warnings).filter((header) => !isComputedHeader(header.name));
      const variables = flatVariables(resource.environment);
      if (headers.length > 0)
        warnings.add(
          path,
          `The folder's ${headers.length === 1 ? 'header was' : `${headers.length} headers were`} added to each of its requests (Courier folders have no headers).`,
        );
      if (variables.length > 0)
        warnings.add(
          path,
          `The folder's environment (${variables.map((v) => v.name).join(', ')}) was added to each of its requests as request variables (Courier folders have no environment).`,
        );
      const next: Inherited = {
        auth: ownAuth.kind === 'inherit' ? inherited.auth : ownAuth,
        headers: merged(headers, inherited.headers),
        variables: merged(variables, inherited.variables),
      };
      const items = (children.get(resource._id) ?? [])
        .sort(byOrder)
        .map((child) => convert(child, path, next))
        .filter((item): item is ImportedItem => item !== null);
      return { type: 'folder', name, description: str(resource.description), items, ...(scripts ? { scripts } : {}) };
    }
    if (resource._type === 'request') {
      const auth = authOf(resource.authentication, path, warnings);
      const { url, variables } = withPathParameters(template(str(resource.url), path, warnings), pairs(resource.pathParameters, path, warnings));
      const follow = str(resource.settingFollowRedirects);
      // one request that does not fit (a method of 200 characters) is left out by name; the rest of the file imports
      return convertOrLeaveOut(path, warnings, (): ImportedItem => ({
        type: 'request',
        name,
        description: str(resource.description),
        request: httpRequestSpecSchema.parse({
          method: str(resource.method, 'GET').toUpperCase(),
          url,
          params: pairs(resource.parameters, path, warnings),
          headers: merged(
            pairs(resource.headers, path, warnings).filter((header) => !isComputedHeader(header.name)),
            inherited.headers,
          ),
          body: bodyOf(resource.body, path, warnings),
          auth: auth.kind === 'inherit' && inherited.auth ? inherited.auth : auth,
          variables: merged(variables, inherited.variables),
          ...(follow === 'on' || follow === 'off' ? { settings: { followRedirects: follow === 'on' } } : {}),
          ...(scripts ? { scripts } : {}),
        }),
      }));
    }
    if (resource._type === 'unit_test_suite') warnings.add(path, `The test suite was ${UNIT_TESTS_NOT_CARRIED}`);
    else if (!IGNORED_TYPES.has(resource._type)) warnings.add(path, `${resource._type.replace(/_/g, ' ')} items are not supported; it was not imported.`);
    return null;
  };
  const none: Inherited = { auth: null, headers: [], variables: [] };
  const collectionOf = (name: string, description: string, top: Resource[]) => {
    const base = top.find((resource) => resource._type === 'environment');
    return {
      name,
      description,
      variables: base ? flatVariables(base.data) : [],
      auth: { kind: 'none' as const },
      items: top
        .sort(byOrder)
        .map((resource) => convert(resource, [], none))
        .filter((item): item is ImportedItem => item !== null),
    };
  };
  const workspaces = resources.filter((resource) => resource._type === 'workspace');
  const collections = workspaces.map((workspace) =>
    collectionOf(str(workspace.name, 'Insomnia'), str(workspace.description), children.get(workspace._id) ?? []),
  );
  // Resources whose parent is not in the file (Insomnia's own importers write "__WORKSPACE_ID__", a workspace that is
  // not in the export): one new collection per missing parent, so no request is left behind.
  const orphansByParent = new Map<string, Resource[]>();
  for (const resource of resources) {
    if (resource._type === 'workspace') continue;
    const parent = typeof resource.parentId === 'string' && resource.parentId !== '' ? resource.parentId : '';
    if (parent !== '' && ids.has(parent)) continue;
    orphansByParent.set(parent, [...(orphansByParent.get(parent) ?? []), resource]);
  }
  for (const [parent, top] of orphansByParent) {
    if (!top.some((resource) => ['request', 'request_group', 'grpc_request', 'websocket_request'].includes(resource._type))) {
      if (collections.length === 0 && top.length > 0) collections.push(collectionOf('Insomnia', '', top));
      continue;
    }
    const name = workspaces.length === 0 && orphansByParent.size === 1 ? 'Insomnia import' : `Insomnia import (${parent || 'no workspace'})`;
    const collection = collectionOf(name, '', top);
    collections.push(collection);
    const count = collection.items.length;
    const where = parent ? `workspace "${parent}", which is not in the file` : 'no workspace';
    warnings.add(
      [name],
      `${count} item${count === 1 ? '' : 's'} belong${count === 1 ? 's' : ''} to ${where}; ${count === 1 ? 'it was' : 'they were'} imported into this new collection.`,
    );
  }
  const environments: ImportedEnvironment[] = resources
    .filter((resource) => resource._type === 'environment' && resources.some((parent) => parent._id === resource.parentId && parent._type === 'environment'))
    .map((resource) => ({ name: str(resource.name, 'Environment'), variables: flatVariables(resource.data) }));
  return {
    format: 'insomnia',
    formatLabel: v5 ? v5.label : 'Insomnia export v4',
    collections: v5?.environmentsOnly ? [] : collections,
    environments,
    warnings: warnings.list,
  };
}
