import {
  httpRequestSpecSchema,
  requestAuthSchema,
  type ImportedCollection,
  type ImportedEnvironment,
  type ImportedItem,
  type ImportResult,
  type KeyValue,
  type MultipartPart,
  type RequestAuthInput,
  type RequestBody,
} from '../../contract';
import { bodyFromText } from '../common/body';
import { mergeHeaders, mergeVariables } from '../common/inherit';
import { arr, convertOrLeaveOut, ImportFormatError, isComputedHeader, isRecord, str, Warnings } from '../common/warnings';

/** Hoppscotch's older "<<name>>" references are Courier's "{{name}}" (Hoppscotch itself reads both). */
function hoppTemplate(text: string): string {
  return text.replace(/<<\s*([A-Za-z0-9_.-]+)\s*>>/g, '{{$1}}');
}

function pairs(raw: unknown): KeyValue[] {
  return arr(raw)
    .filter(isRecord)
    .map((entry) => ({ name: hoppTemplate(str(entry.key)), value: hoppTemplate(str(entry.value)), enabled: entry.active !== false }));
}

/** null: "inherit" (the parent's auth applies). */
function authOf(raw: unknown, path: string[], warnings: Warnings): RequestAuthInput | null {
  if (!isRecord(raw)) return null;
  const type = str(raw.authType);
  if (type === 'inherit') return null;
  if (type === 'none' || raw.authActive === false) return { kind: 'none' };
  const t = (key: string, from: Record<string, unknown> = raw) => hoppTemplate(str(from[key]));
  switch (type) {
    case 'basic':
      return { kind: 'basic', username: t('username'), password: t('password') };
    case 'digest':
      return { kind: 'digest', username: t('username'), password: t('password') };
    case 'bearer':
      return { kind: 'bearer', token: t('token') };
    case 'api-key':
      return { kind: 'apikey', name: t('key'), value: t('value'), in: /query/i.test(str(raw.addTo)) ? 'query' : 'header' };
    case 'oauth-2': {
      const info = isRecord(raw.grantTypeInfo) ? raw.grantTypeInfo : raw;
      const grant = str(info.grantType);
      if (grant !== 'CLIENT_CREDENTIALS' && grant !== 'AUTHORIZATION_CODE') {
        warnings.add(
          path,
          `The OAuth 2.0 grant "${grant || '(none)'}" is not supported (Courier has client credentials and authorization code); the request has no auth.`,
        );
        return { kind: 'none' };
      }
      return {
        kind: 'oauth2',
        grant: grant === 'CLIENT_CREDENTIALS' ? 'client_credentials' : 'authorization_code',
        tokenUrl: t('tokenEndpoint', info),
        authorizationUrl: t('authEndpoint', info),
        clientId: t('clientID', info),
        clientSecret: t('clientSecret', info),
        scope: t('scopes', info),
        clientAuth: str(info.clientAuthentication) === 'AS_BASIC_AUTH_HEADERS' ? 'basic' : 'body',
      };
    }
    default:
      warnings.add(path, `The auth type "${type}" is not supported; the request has no auth.`);
      return { kind: 'none' };
  }
}

/** Hoppscotch keeps a url-encoded body as "key: value" lines; a leading "#" unticks a line. */
function formFields(text: string): KeyValue[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const enabled = !line.trimStart().startsWith('#');
      const content = enabled ? line : line.trimStart().slice(1);
      const colon = content.indexOf(':');
      return {
        name: hoppTemplate((colon === -1 ? content : content.slice(0, colon)).trim()),
        value: hoppTemplate(colon === -1 ? '' : content.slice(colon + 1).trim()),
        enabled,
      };
    });
}

function bodyOf(raw: unknown, path: string[], warnings: Warnings): RequestBody {
  if (!isRecord(raw) || raw.contentType === null || raw.contentType === undefined) return { kind: 'none' };
  const type = str(raw.contentType);
  if (type === 'application/x-www-form-urlencoded') return { kind: 'form', fields: formFields(str(raw.body)) };
  if (type === 'multipart/form-data') {
    return {
      kind: 'multipart',
      parts: arr(raw.body)
        .filter(isRecord)
        .map((part): MultipartPart => {
          if (part.isFile === true) {
            warnings.add(path, `The file for form part "${str(part.key)}" is not in the export; choose it again.`);
            return { kind: 'file', name: str(part.key), file: null, enabled: part.active !== false };
          }
          return { kind: 'text', name: hoppTemplate(str(part.key)), value: hoppTemplate(str(part.value)), enabled: part.active !== false };
        }),
    };
  }
  if (type === 'application/octet-stream') {
    warnings.add(path, 'The body file is not in the export; choose it again in the Body tab.');
    return { kind: 'binary', file: null };
  }
  return bodyFromText(type, hoppTemplate(str(raw.body)));
}

interface Inherited {
  headers: KeyValue[];
  auth: RequestAuthInput | null;
}

/** Requests, folders and (since 2024) collections may carry scripts; Courier runs none yet, so each is named. */
function reportScripts(raw: Record<string, unknown>, path: string[], warnings: Warnings): void {
  if (str(raw.preRequestScript).trim() !== '' || str(raw.testScript).trim() !== '') {
    const which = [str(raw.preRequestScript).trim() !== '' ? 'pre-request' : '', str(raw.testScript).trim() !== '' ? 'test' : ''].filter(Boolean).join(' and ');
    warnings.add(path, `The ${which} script${which.includes('and') ? 's were' : ' was'} not carried over (Courier does not run scripts yet).`);
  }
}

function convertRequest(raw: Record<string, unknown>, parentPath: string[], inherited: Inherited, warnings: Warnings): ImportedItem {
  const name = str(raw.name, 'Untitled');
  const path = [...parentPath, name];
  reportScripts(raw, path, warnings);
  const examples = isRecord(raw.responses) ? Object.keys(raw.responses).length : 0;
  if (examples > 0) warnings.add(path, `${examples} saved example response${examples === 1 ? '' : 's'} not imported (Courier keeps responses in history).`);
  const ownAuth = authOf(raw.auth, path, warnings);
  const auth = ownAuth ?? inherited.auth ?? { kind: 'inherit' as const };
  const headers = mergeHeaders(inherited.headers, pairs(raw.headers)).filter((header) => !isComputedHeader(header.name));
  // a GraphQL collection's request: url, query, variables
  if (typeof raw.query === 'string' && typeof raw.endpoint !== 'string') {
    return {
      type: 'request',
      name,
      description: '',
      request: httpRequestSpecSchema.parse({
        method: 'POST',
        url: hoppTemplate(str(raw.url)),
        headers,
        auth,
        body: { kind: 'graphql', query: raw.query, variables: str(raw.variables), operationName: '', method: 'POST' },
      }),
    };
  }
  return {
    type: 'request',
    name,
    description: str(raw.description),
    request: httpRequestSpecSchema.parse({
      method: str(raw.method, 'GET').toUpperCase(),
      url: hoppTemplate(str(raw.endpoint)),
      params: pairs(raw.params),
      headers,
      body: bodyOf(raw.body, path, warnings),
      auth,
      variables: mergeVariables([], pairs(raw.requestVariables)),
    }),
  };
}

function convertFolder(raw: Record<string, unknown>, parentPath: string[], inherited: Inherited, warnings: Warnings): ImportedItem[] {
  const folders = arr(raw.folders)
    .filter(isRecord)
    .map((folder): ImportedItem => {
      const name = str(folder.name, 'Folder');
      const path = [...parentPath, name];
      const here = { headers: mergeHeaders(inherited.headers, pairs(folder.headers)), auth: authOf(folder.auth, path, warnings) ?? inherited.auth };
      reportScripts(folder, path, warnings);
      if (arr(folder.variables).length > 0) warnings.add(path, 'Folder variables were written onto the folder’s requests as request variables.');
      const items = convertFolder(folder, path, here, warnings);
      const folderVariables = pairs(folder.variables);
      return {
        type: 'folder',
        name,
        description: str(folder.description),
        items: folderVariables.length === 0 ? items : items.map((item) => withVariables(item, folderVariables)),
      };
    });
  return [
    ...folders,
    ...arr(raw.requests).flatMap((request, index): ImportedItem[] => {
      if (!isRecord(request)) {
        warnings.add([...parentPath, `request ${index + 1}`], `Not imported: it is ${request === null ? 'null' : `a ${typeof request}`}, not a request.`);
        return [];
      }
      // one request that does not fit (a method of 200 characters) is left out by name; its siblings import
      const item = convertOrLeaveOut([...parentPath, str(request.name, 'Untitled')], warnings, () => convertRequest(request, parentPath, inherited, warnings));
      return item === null ? [] : [item];
    }),
  ];
}

function withVariables(item: ImportedItem, variables: KeyValue[]): ImportedItem {
  if (item.type === 'folder') return { ...item, items: item.items.map((child) => withVariables(child, variables)) };
  return { ...item, request: { ...item.request, variables: mergeVariables(variables, item.request.variables) } };
}

/** Collection variables: secret ones come without their value (Hoppscotch never exports it). */
function collectionVariables(raw: unknown, path: string[], warnings: Warnings): KeyValue[] {
  const entries = arr(raw).filter(isRecord);
  const secrets = entries.filter((entry) => entry.secret === true).map((entry) => str(entry.key));
  if (secrets.length > 0) warnings.add(path, `Secret variables (${secrets.join(', ')}) imported without values; set them in Courier's vault.`);
  return entries.map((entry) => ({
    name: str(entry.key),
    value: entry.secret === true ? '' : hoppTemplate(str(entry.initialValue ?? entry.value ?? entry.currentValue)),
    enabled: true,
  }));
}

function convertCollection(raw: Record<string, unknown>, warnings: Warnings): ImportedCollection {
  const name = str(raw.name, 'Hoppscotch collection');
  const headers = pairs(raw.headers);
  if (headers.length > 0)
    warnings.add(
      [name],
      `Collection headers (${headers.map((header) => header.name).join(', ')}) were written onto every request (Courier collections have no headers of their own).`,
    );
  const auth = authOf(raw.auth, [name], warnings);
  reportScripts(raw, [name], warnings);
  return {
    name,
    description: str(raw.description),
    variables: collectionVariables(raw.variables, [name], warnings),
    auth: requestAuthSchema.parse(auth ?? { kind: 'none' }),
    items: convertFolder(raw, [], { headers, auth: null }, warnings),
  };
}

export function looksLikeHoppscotchCollection(data: unknown): boolean {
  return isRecord(data) && data.v !== undefined && (Array.isArray(data.folders) || Array.isArray(data.requests));
}

export function looksLikeHoppscotchEnvironment(data: unknown): boolean {
  // a Postman v1 collection also has a name and {key} variables: its requests/folders/order tell it apart
  return (
    isRecord(data) &&
    !looksLikeHoppscotchCollection(data) &&
    data.requests === undefined &&
    data.folders === undefined &&
    data.order === undefined &&
    typeof data.name === 'string' &&
    Array.isArray(data.variables) &&
    data.variables.every((entry) => isRecord(entry) && typeof entry.key === 'string') &&
    data.values === undefined
  );
}

function environment(raw: Record<string, unknown>, warnings: Warnings): ImportedEnvironment {
  const name = str(raw.name, 'Hoppscotch environment');
  const entries = arr(raw.variables).filter(isRecord);
  const secrets = entries.filter((entry) => entry.secret === true).map((entry) => str(entry.key));
  if (secrets.length > 0)
    warnings.add(
      [`Environment ${name}`],
      `${secrets.length} secret variable${secrets.length === 1 ? '' : 's'} (${secrets.join(', ')}) imported without ${secrets.length === 1 ? 'its value' : 'their values'}; set ${secrets.length === 1 ? 'it' : 'them'} in Courier's vault.`,
    );
  return {
    name,
    variables: entries.map((entry) =>
      entry.secret === true
        ? { name: str(entry.key), value: '', enabled: true, secret: true }
        : { name: str(entry.key), value: hoppTemplate(str(entry.initialValue ?? entry.value ?? entry.currentValue)), enabled: true },
    ),
  };
}

/** A Hoppscotch export: one collection or an array of them (REST or GraphQL), or one environment or an array of them. */
export function importHoppscotch(data: unknown): ImportResult {
  const list = Array.isArray(data) ? data : [data];
  const warnings = new Warnings();
  if (list.length > 0 && list.every(looksLikeHoppscotchEnvironment)) {
    return {
      format: 'hoppscotch',
      formatLabel: 'Hoppscotch environment',
      collections: [],
      environments: list.filter(isRecord).map((entry) => environment(entry, warnings)),
      warnings: warnings.list,
    };
  }
  if (list.length === 0 || !list.every(looksLikeHoppscotchCollection))
    throw new ImportFormatError('This is not a Hoppscotch export: each collection needs "v" and "folders" or "requests".');
  return {
    format: 'hoppscotch',
    formatLabel: 'Hoppscotch collection',
    collections: list.filter(isRecord).map((entry) => convertCollection(entry, warnings)),
    environments: [],
    warnings: warnings.list,
  };
}
