import { httpRequestSpecSchema, type ImportedEnvironment, type ImportedItem, type ImportResult, type KeyValue, type RequestAuthInput, type RequestBody } from '../../contract';
import { bodyFromText } from '../common/body';
import { arr, ImportFormatError, isComputedHeader, isRecord, str, Warnings } from '../common/warnings';

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
      parts: arr(raw.params).filter(isRecord).map((param) => {
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
    isRecord(value) ? flatVariables(value, `${prefix}${key}.`) : [{ name: `${prefix}${key}`, value: typeof value === 'string' ? value : JSON.stringify(value), enabled: true }],
  );
}

/** Insomnia export format 4 (JSON; the YAML variant is parsed to the same object first). */
export function importInsomnia(json: Record<string, unknown>): ImportResult {
  if (json.__export_format !== 4 || !Array.isArray(json.resources)) throw new ImportFormatError('This is not an Insomnia v4 export ("__export_format": 4 with "resources").');
  const resources = json.resources.filter((r): r is Resource => isRecord(r) && typeof r._id === 'string' && typeof r._type === 'string');
  const children = new Map<string | null, Resource[]>();
  for (const resource of resources) {
    const parent = typeof resource.parentId === 'string' ? resource.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), resource]);
  }
  const warnings = new Warnings();
  const byOrder = (a: Resource, b: Resource) => Number(a.metaSortKey ?? 0) - Number(b.metaSortKey ?? 0);
  const convert = (resource: Resource, parentPath: string[]): ImportedItem | null => {
    const name = str(resource.name, 'Untitled');
    const path = [...parentPath, name];
    if (resource._type === 'request_group') {
      const items = (children.get(resource._id) ?? []).sort(byOrder).map((child) => convert(child, path)).filter((item): item is ImportedItem => item !== null);
      if (isRecord(resource.environment) && Object.keys(resource.environment).length > 0) warnings.add(path, 'Folder environment variables were not imported.');
      return { type: 'folder', name, description: str(resource.description), items };
    }
    if (resource._type === 'request') {
      return {
        type: 'request',
        name,
        description: str(resource.description),
        request: httpRequestSpecSchema.parse({
          method: str(resource.method, 'GET'),
          url: template(str(resource.url), path, warnings),
          params: pairs(resource.parameters, path, warnings),
          headers: pairs(resource.headers, path, warnings).filter((header) => !isComputedHeader(header.name)),
          body: bodyOf(resource.body, path, warnings),
          auth: authOf(resource.authentication, path, warnings),
        }),
      };
    }
    if (['grpc_request', 'websocket_request', 'unit_test_suite'].includes(resource._type)) warnings.add(path, `${resource._type.replace(/_/g, ' ')} items are not supported.`);
    return null;
  };
  const workspaces = resources.filter((resource) => resource._type === 'workspace');
  const roots = workspaces.length > 0 ? workspaces : [{ _id: '__root', _type: 'workspace', parentId: null, name: 'Insomnia' } as Resource];
  const collections = roots.map((workspace) => {
    const top = workspace._id === '__root' ? (children.get(null) ?? []) : (children.get(workspace._id) ?? []);
    const base = top.find((resource) => resource._type === 'environment');
    return {
      name: str(workspace.name, 'Insomnia'),
      description: str(workspace.description),
      variables: base ? flatVariables(base.data) : [],
      auth: { kind: 'none' as const },
      items: top.sort(byOrder).map((resource) => convert(resource, [])).filter((item): item is ImportedItem => item !== null),
    };
  });
  const environments: ImportedEnvironment[] = resources
    .filter((resource) => resource._type === 'environment' && resources.some((parent) => parent._id === resource.parentId && parent._type === 'environment'))
    .map((resource) => ({ name: str(resource.name, 'Environment'), variables: flatVariables(resource.data) }));
  return { format: 'insomnia', formatLabel: 'Insomnia export v4', collections, environments, warnings: warnings.list };
}
