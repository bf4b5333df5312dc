import { arr, isRecord, str } from '../common/warnings';

/**
 * Postman Collection v1 (the format of Postman's Chrome app and of old exports) rewritten as the v2.1 object the main
 * importer reads, following what Postman's own postman-collection-transformer does, with one difference: a request
 * or folder that no `order`/`folders_order` lists is still imported (the transformer drops it) and a note says so.
 */

type Json = Record<string, unknown>;
interface V1Note {
  path: string[];
  message: string;
}

export function isPostmanV1(json: Json): boolean {
  return Array.isArray(json.requests) && (Array.isArray(json.order) || Array.isArray(json.folders) || typeof json.name === 'string');
}

/** Legacy helper names and the v2 auth type they became (postman-collection-transformer's authMap). */
const LEGACY_AUTH: Record<string, string> = {
  apikeyAuth: 'apikey',
  basicAuth: 'basic',
  bearerAuth: 'bearer',
  digestAuth: 'digest',
  hawkAuth: 'hawk',
  oAuth1: 'oauth1',
  oAuth2: 'oauth2',
  ntlmAuth: 'ntlm',
  awsSigV4: 'awsv4',
  jwtAuth: 'jwt',
  asapAuth: 'asap',
  edgegridAuth: 'edgegrid',
};

function legacyAuth(entity: Json): Json | undefined {
  const helper = str(entity.currentHelper);
  const type = LEGACY_AUTH[helper];
  if (!type) return isRecord(entity.auth) ? entity.auth : undefined;
  let attributes: unknown = entity.helperAttributes;
  if (typeof attributes === 'string') {
    try {
      attributes = JSON.parse(attributes);
    } catch {
      attributes = {};
    }
  }
  const a = isRecord(attributes) ? attributes : {};
  // the v1 names that differ from v2's; the others are the same
  const params = type === 'oauth2' ? { ...a, grant_type: a.grantType } : a;
  return { type, [type]: params };
}

/** "Name: value" lines; a line commented out with "//" is a disabled header (Postman's v1 header editor). */
export function parseHeaderString(text: string): Json[] {
  return text
    .replace(/\r\n([ \t])/g, '$1')
    .split(/\r?\n/)
    .map((line) => /^((?:\/\/\s*)?[^\s:]+):(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => {
      const name = match[1]!;
      const disabled = name.startsWith('//');
      return { key: disabled ? name.slice(2).trim() : name, value: match[2]!.trim(), ...(disabled ? { disabled: true } : {}) };
    });
}

function headers(request: Json): Json[] {
  if (Array.isArray(request.headers)) return request.headers.filter(isRecord);
  const data = arr(request.headerData).filter(isRecord);
  if (data.length > 0) {
    return data.map((header) => {
      const key = str(header.key);
      const disabled = key.startsWith('//') || header.enabled === false;
      return { key: key.replace(/^\/\/\s*/, ''), value: str(header.value), ...(disabled ? { disabled: true } : {}) };
    });
  }
  return parseHeaderString(str(request.headers));
}

function params(data: unknown): Json[] {
  return arr(data)
    .filter(isRecord)
    .filter((param) => param.key !== undefined && param.key !== null)
    .map((param) => ({ ...param, ...(param.enabled === false ? { disabled: true } : {}) }));
}

function body(request: Json): Json | undefined {
  const rawModeData =
    typeof request.rawModeData === 'string'
      ? request.rawModeData
      : Array.isArray(request.rawModeData) && typeof request.rawModeData[0] === 'string'
        ? request.rawModeData[0]
        : undefined;
  const graphql = isRecord(request.graphqlModeData) ? request.graphqlModeData : undefined;
  const dataMode = request.dataMode;
  const hasData = (Array.isArray(request.data) && request.data.length > 0) || (typeof request.data === 'string' && request.data !== '');
  if (dataMode === null || ((dataMode === undefined || dataMode === '') && !hasData && !rawModeData && !graphql)) return undefined;
  const mode =
    { raw: 'raw', urlencoded: 'urlencoded', params: 'formdata', binary: 'file', graphql: 'graphql' }[str(dataMode)] ??
    (!rawModeData && Array.isArray(request.data) ? 'formdata' : !rawModeData && graphql ? 'graphql' : 'raw');
  const options = isRecord(request.dataOptions) ? { options: request.dataOptions } : {};
  const disabled = request.dataDisabled === true ? { disabled: true } : {};
  switch (mode) {
    case 'raw':
      return { mode, raw: rawModeData ?? (typeof request.data === 'string' ? request.data : ''), ...options, ...disabled };
    case 'graphql':
      return { mode, graphql: graphql ?? {}, ...disabled };
    case 'file':
      return { mode, file: { src: rawModeData }, ...disabled };
    default: {
      const fields = params(Array.isArray(request.data) ? request.data : request.rawModeData);
      // v1 apps wrote dataMode "params" on every GET; no fields is no body, not an empty form
      return fields.length === 0 ? undefined : { mode, [mode]: fields, ...disabled };
    }
  }
}

function url(request: Json): Json {
  const raw = str(request.url);
  const query = arr(request.queryParams)
    .filter(isRecord)
    .map((q) => ({ key: str(q.key), value: str(q.value), ...(q.enabled === false ? { disabled: true } : {}) }));
  const variables = arr(request.pathVariableData)
    .filter(isRecord)
    .map((v) => ({ key: str(v.key), value: str(v.value) }));
  const seen = new Set(variables.map((v) => v.key));
  if (isRecord(request.pathVariables)) {
    for (const [key, value] of Object.entries(request.pathVariables)) if (!seen.has(key)) variables.push({ key, value: str(value) });
  }
  return { raw, query, variable: variables };
}

function events(entity: Json): Json[] {
  if (Array.isArray(entity.events) && entity.events.length > 0) return entity.events.filter(isRecord);
  const scripts: Json[] = [];
  if (str(entity.preRequestScript).trim() !== '') scripts.push({ listen: 'prerequest', script: { exec: str(entity.preRequestScript) } });
  if (str(entity.tests).trim() !== '') scripts.push({ listen: 'test', script: { exec: str(entity.tests) } });
  return scripts;
}

function variables(entity: Json): Json[] {
  return arr(entity.variables).filter(isRecord);
}

function item(request: Json): Json {
  const auth = legacyAuth(request);
  const responses = arr(request.responses);
  return {
    name: str(request.name),
    event: events(request),
    variable: variables(request),
    ...(isRecord(request.protocolProfileBehavior) ? { protocolProfileBehavior: request.protocolProfileBehavior } : {}),
    response: responses,
    request: {
      method: str(request.method, 'GET'),
      header: headers(request),
      body: body(request),
      url: url(request),
      ...(auth ? { auth } : {}),
      description: str(request.description),
    },
  };
}

/** A v1 collection as a v2.1 collection object, and what was placed by guesswork. */
export function postmanV1ToV2(json: Json): { collection: Json; notes: V1Note[] } {
  const notes: V1Note[] = [];
  // the first of two entries with one id is the one orders refer to; the other gets a key of its own so it is not lost
  const keyed = <T>(list: T[], idOf: (entry: T) => string): Map<string, T> => {
    const map = new Map<string, T>();
    list.forEach((entry, index) => map.set(map.has(idOf(entry)) ? `${idOf(entry)}#${index}` : idOf(entry), entry));
    return map;
  };
  const requests = keyed(arr(json.requests).filter(isRecord), (request) => str(request.id));
  const folders = keyed(arr(json.folders).filter(isRecord), (folder) => str(folder.id));
  const placedRequests = new Set<string>();
  const placedFolders = new Set<string>();
  const built = new Map<string, { item: Json; path: string[] }>();

  // each id once, in the order given: orders may repeat an id or name one that is not in the file
  const requestItems = (ids: unknown): Json[] => {
    const result: Json[] = [];
    for (const id of arr(ids).map((value) => str(value))) {
      if (!requests.has(id) || placedRequests.has(id)) continue;
      placedRequests.add(id);
      result.push(item(requests.get(id)!));
    }
    return result;
  };

  const folderItems = (ids: unknown, parentPath: string[]): Json[] => {
    const result: Json[] = [];
    for (const id of arr(ids).map((value) => str(value))) if (folders.has(id) && !placedFolders.has(id)) result.push(folderItem(id, parentPath));
    return result;
  };

  const folderItem = (id: string, parentPath: string[]): Json => {
    placedFolders.add(id);
    const folder = folders.get(id)!;
    const auth = legacyAuth(folder);
    const result: Json = {
      name: str(folder.name),
      description: str(folder.description),
      event: events(folder),
      variable: variables(folder),
      ...(auth ? { auth } : {}),
      item: [],
    };
    const path = [...parentPath, str(folder.name)];
    built.set(id, { item: result, path });
    result.item = [...folderItems(folder.folders_order, path), ...requestItems(folder.order)];
    return result;
  };

  const topFolderIds = Array.isArray(json.folders_order)
    ? json.folders_order.map((id) => str(id))
    : [...folders.keys()].filter((id) => !arr(json.folders).some((other) => isRecord(other) && arr(other.folders_order).includes(id)));
  const items: Json[] = folderItems(topFolderIds, []);
  items.push(...requestItems(json.order));

  // what no order lists: folders at the top, requests in the folder their own "folder" field names, else at the top
  for (const id of folders.keys()) {
    if (placedFolders.has(id)) continue;
    items.push(folderItem(id, []));
    const reason = id.includes('#')
      ? 'This folder has the same id as another folder, so no order can reach it'
      : 'No folder order of the collection lists this folder';
    notes.push({ path: [str(folders.get(id)!.name)], message: `${reason}; it was placed at the top level.` });
  }
  for (const [id, request] of requests) {
    if (placedRequests.has(id)) continue;
    placedRequests.add(id);
    const home = built.get(str(request.folder));
    (home ? (home.item.item as Json[]) : items).push(item(request));
    notes.push({
      path: [...(home?.path ?? []), str(request.name)],
      message: `No order of the collection lists this request; it was placed ${home ? `in the folder "${home.path.join(' / ')}"` : 'at the top level'}.`,
    });
  }

  const auth = legacyAuth(json);
  return {
    collection: {
      info: { name: str(json.name, 'Postman collection'), description: str(json.description), schema: 'v1' },
      item: items,
      event: events(json),
      variable: variables(json),
      ...(auth ? { auth } : {}),
    },
    notes,
  };
}
