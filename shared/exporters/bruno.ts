import type { HttpRequestSpec, ImportedCollection, ImportedItem, KeyValue, RequestAuth } from '../contract';
import { exportableAuth, exportableHeaderValue } from './export-credentials';

/** One file of an exported Bruno collection: its path inside the collection folder and its text. */
interface BrunoExportFile {
  path: string;
  text: string;
}

/** Keys Bruno would misread unquoted (its jsonToBru quotes the same characters). */
function key(name: string): string {
  return /[:"{} ]/.test(name) || name.startsWith('~') || name.startsWith('@') ? `"${name.replace(/"/g, '\\"')}"` : name;
}

/** A value spanning lines goes between ''' marks, each line four spaces in, as Bruno writes it. */
function value(text: string): string {
  if (!/[\r\n]/.test(text)) return text;
  return `'''\n${text
    .split(/\r?\n/)
    .map((line) => `    ${line}`)
    .join('\n')}\n  '''`;
}

function dict(name: string, rows: readonly { key: string; value: string; enabled?: boolean }[]): string {
  if (rows.length === 0) return '';
  return `${name} {\n${rows.map((row) => `  ${row.enabled === false ? '~' : ''}${key(row.key)}: ${value(row.value)}`).join('\n')}\n}\n\n`;
}

function text(name: string, content: string): string {
  return `${name} {\n${content
    .split(/\r?\n/)
    .map((line) => (line === '' ? '' : `  ${line}`))
    .join('\n')}\n}\n\n`;
}

const rows = (list: readonly KeyValue[]) => list.map((entry) => ({ key: entry.name, value: entry.value, enabled: entry.enabled }));

/** The auth mode for the method block and the auth:* block that goes with it. */
function authBlocks(original: RequestAuth): { mode: string; block: string } {
  const auth = exportableAuth(original);
  switch (auth.kind) {
    case 'inherit':
    case 'none':
      return { mode: auth.kind, block: '' };
    case 'basic':
    case 'digest':
      return {
        mode: auth.kind,
        block: dict(`auth:${auth.kind}`, [
          { key: 'username', value: auth.username },
          { key: 'password', value: auth.password },
        ]),
      };
    case 'bearer':
      return { mode: 'bearer', block: dict('auth:bearer', [{ key: 'token', value: auth.token }]) };
    case 'apikey':
      return {
        mode: 'apikey',
        block: dict('auth:apikey', [
          { key: 'key', value: auth.name },
          { key: 'value', value: auth.value },
          { key: 'placement', value: auth.in === 'query' ? 'queryparams' : 'header' },
        ]),
      };
    case 'oauth2':
      return {
        mode: 'oauth2',
        block: dict('auth:oauth2', [
          { key: 'grant_type', value: auth.grant },
          ...(auth.grant === 'authorization_code' ? [{ key: 'authorization_url', value: auth.authorizationUrl }] : []),
          { key: 'access_token_url', value: auth.tokenUrl },
          { key: 'client_id', value: auth.clientId },
          { key: 'client_secret', value: auth.clientSecret },
          { key: 'scope', value: auth.scope },
          { key: 'credentials_placement', value: auth.clientAuth === 'basic' ? 'basic_auth_header' : 'body' },
          { key: 'token_placement', value: 'header' },
          { key: 'token_header_prefix', value: auth.headerPrefix },
          { key: 'auto_refresh_token', value: String(auth.autoRefresh) },
        ]),
      };
  }
}

function queryPairs(url: string): { key: string; value: string }[] {
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1).split('#')[0]! : '';
  if (query === '') return [];
  return query.split('&').map((pair) => {
    const at = pair.indexOf('=');
    return at === -1 ? { key: pair, value: '' } : { key: pair.slice(0, at), value: pair.slice(at + 1) };
  });
}

/**
 * A request as a .bru file. Bruno sends its URL as written, so enabled params are appended to it and listed in
 * params:query beside the unticked ones; request variables used as a whole path segment become Bruno path params.
 */
export function toBruFile(name: string, spec: HttpRequestSpec, seq: number, warn: (message: string) => void = () => {}): string {
  let url = spec.url;
  const pathParams: KeyValue[] = [];
  const otherVariables: KeyValue[] = [];
  for (const variable of spec.variables) {
    const segment = new RegExp(`/\\{\\{${variable.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\}\\}(?=[/?#]|$)`, 'g');
    if (/^[A-Za-z_][\w-]*$/.test(variable.name) && segment.test(url)) {
      url = url.replace(segment, `/:${variable.name}`);
      pathParams.push(variable);
    } else otherVariables.push(variable);
  }
  const enabled = spec.params.filter((param) => param.enabled);
  if (enabled.length > 0) url += `${url.includes('?') ? '&' : '?'}${enabled.map((param) => `${param.name}=${param.value}`).join('&')}`;
  const method = spec.method.toLowerCase();
  const standard = ['get', 'post', 'put', 'delete', 'patch', 'options', 'head', 'connect', 'trace'].includes(method);
  const auth = authBlocks(spec.auth);
  const headers = spec.headers.map((header) => ({ key: header.name, value: exportableHeaderValue(header.name, header.value), enabled: header.enabled }));
  const body = spec.body;
  let bodyMode = 'none';
  let bodyBlocks = '';
  const graphql = body.kind === 'graphql';
  switch (body.kind) {
    case 'json':
      bodyMode = 'json';
      bodyBlocks = text('body:json', body.text);
      break;
    case 'text': {
      const type = body.contentType.toLowerCase();
      if (/xml/.test(type)) {
        bodyMode = 'xml';
        bodyBlocks = text('body:xml', body.text);
      } else if (type === 'application/sparql-query') {
        bodyMode = 'sparql';
        bodyBlocks = text('body:sparql', body.text);
      } else {
        bodyMode = 'text';
        bodyBlocks = text('body:text', body.text);
        // Bruno sends text/plain for a text body; another type travels as a header
        if (type !== 'text/plain' && !spec.headers.some((header) => header.enabled && header.name.toLowerCase() === 'content-type'))
          headers.push({ key: 'Content-Type', value: body.contentType, enabled: true });
      }
      break;
    }
    case 'form':
      bodyMode = 'formUrlEncoded';
      bodyBlocks = dict('body:form-urlencoded', rows(body.fields));
      break;
    case 'multipart':
      bodyMode = 'multipartForm';
      bodyBlocks = dict(
        'body:multipart-form',
        body.parts.map((part) => ({ key: part.name, value: part.kind === 'text' ? part.value : `@file(${part.file?.fileName ?? ''})`, enabled: part.enabled })),
      );
      if (body.parts.some((part) => part.kind === 'file')) warn('Files of form parts are named, not copied; put them beside the collection in Bruno.');
      break;
    case 'binary':
      bodyMode = 'file';
      bodyBlocks = dict('body:file', [
        { key: 'file', value: `@file(${body.file?.fileName ?? ''}) @contentType(${body.file?.contentType ?? 'application/octet-stream'})` },
      ]);
      warn('The body file is named, not copied; choose it again in Bruno.');
      break;
    case 'graphql':
      bodyMode = 'graphql';
      bodyBlocks = text('body:graphql', body.query) + (body.variables.trim() === '' ? '' : text('body:graphql:vars', body.variables));
      if (body.method === 'GET') warn('Bruno sends GraphQL as POST; this request used GET.');
      if (body.operationName !== '') warn(`Bruno has no operation name field; "${body.operationName}" was left out.`);
      break;
    default:
      break;
  }
  const query = [
    ...queryPairs(url),
    ...spec.params.filter((param) => !param.enabled).map((param) => ({ key: param.name, value: param.value, enabled: false })),
  ];
  return [
    dict('meta', [
      { key: 'name', value: name },
      { key: 'type', value: graphql ? 'graphql' : 'http' },
      { key: 'seq', value: String(seq) },
    ]),
    `${standard ? `${method} {` : `http {\n  method: ${spec.method}`}\n  url: ${url}\n  body: ${bodyMode}\n  auth: ${auth.mode}\n}\n\n`,
    dict('params:query', query),
    dict('params:path', rows(pathParams)),
    dict('headers', headers),
    auth.block,
    bodyBlocks,
    dict('vars:pre-request', rows(otherVariables)),
    // Bruno's timeout is the whole request, as Courier's deadline is (0 = none in both)
    dict('settings', [
      { key: 'encodeUrl', value: 'true' },
      { key: 'timeout', value: String(spec.settings.deadlineMs) },
      { key: 'followRedirects', value: String(spec.settings.followRedirects) },
      { key: 'maxRedirects', value: String(spec.settings.maxRedirects) },
      ...(spec.settings.keepCredentialsOnRedirect ? [{ key: 'forwardAuthorizationHeader', value: 'true' }] : []),
    ]),
  ]
    .join('')
    .replace(/\n+$/, '\n');
}

/** A file or folder name every file system accepts; Bruno reads the real name from meta. */
function safeName(name: string, taken: Set<string>, extension = ''): string {
  const base =
    name
      // eslint-disable-next-line no-control-regex
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-')
      .replace(/^\.+/, '')
      .trim()
      .slice(0, 120) || 'untitled';
  let candidate = base;
  for (let n = 2; taken.has(`${candidate}${extension}`.toLowerCase()); n++) candidate = `${base} (${n})`;
  taken.add(`${candidate}${extension}`.toLowerCase());
  return `${candidate}${extension}`;
}

/**
 * A collection as the files of a Bruno collection folder: bruno.json, collection.bru (auth and variables), one folder
 * per folder (folder.bru keeps its name and order) and one .bru file per request. Variables named in `secretNames`
 * are written without their value. Warnings name what Bruno cannot take as it is.
 */
export function toBrunoCollection(
  collection: ImportedCollection,
  secretNames: ReadonlySet<string> = new Set(),
): { files: BrunoExportFile[]; warnings: string[] } {
  const files: BrunoExportFile[] = [
    { path: 'bruno.json', text: `${JSON.stringify({ version: '1', name: collection.name, type: 'collection', ignore: ['node_modules', '.git'] }, null, 2)}\n` },
  ];
  const warnings: string[] = [];
  const auth = authBlocks(collection.auth.kind === 'inherit' ? { kind: 'none' } : collection.auth);
  const variables = collection.variables.map((variable) => ({
    key: variable.name,
    value: secretNames.has(variable.name) ? '' : variable.value,
    enabled: variable.enabled,
  }));
  files.push({
    path: 'collection.bru',
    text: `${dict('auth', [{ key: 'mode', value: auth.mode }])}${auth.block}${dict('vars:pre-request', variables)}`.replace(/\n+$/, '\n'),
  });
  const walk = (items: readonly ImportedItem[], dir: string, trail: string[]) => {
    const taken = new Set<string>(dir === '' ? ['bruno.json', 'collection.bru', 'environments'] : ['folder.bru']);
    items.forEach((item, index) => {
      const label = [...trail, item.name].join(' / ');
      if (item.type === 'folder') {
        const folder = `${dir}${safeName(item.name, taken)}`;
        files.push({
          path: `${folder}/folder.bru`,
          text: dict('meta', [
            { key: 'name', value: item.name },
            { key: 'seq', value: String(index + 1) },
          ]).replace(/\n+$/, '\n'),
        });
        walk(item.items, `${folder}/`, [...trail, item.name]);
        return;
      }
      const file = `${dir}${safeName(item.name, taken, '.bru')}`;
      files.push({ path: file, text: toBruFile(item.name, item.request, index + 1, (message) => warnings.push(`${label}: ${message}`)) });
    });
  };
  walk(collection.items, '', []);
  return { files, warnings };
}
