import { parse as parseYaml } from 'yaml';
import { arr, ImportFormatError, isRecord, str } from '../common/warnings';
import type { BruBlock, BruPair } from './parse-bru';

/**
 * Bruno's YAML collection format (OpenCollection: opencollection.yml, folder.yml, one .yml per request,
 * environments/*.yml), as usebruno/bruno packages/bruno-filestore/src/formats/yml reads it, turned into the blocks a
 * .bru file of the same content would have, so one mapping serves both formats.
 */
export type OpenCollectionKind = 'request' | 'folder' | 'collection' | 'environment';

type Json = Record<string, unknown>;

const dict = (name: string, pairs: BruPair[]): BruBlock => ({ kind: 'dict', name, pairs, line: 0 });
const text = (name: string, content: string): BruBlock => ({ kind: 'text', name, text: content, line: 0 });
const pair = (key: string, value: unknown, enabled = true): BruPair => ({ key, value: str(value), enabled });

function keyValues(raw: unknown): BruPair[] {
  return arr(raw)
    .filter(isRecord)
    .map((entry) => pair(str(entry.name), isRecord(entry.value) ? str(entry.value.data) : entry.value, entry.disabled !== true));
}

function docsOf(raw: unknown): string {
  return isRecord(raw) ? str(raw.content) : str(raw);
}

/** The auth mode and its auth:* block; undefined auth is Bruno's "none" on requests and "inherit"-less elsewhere. */
function authBlocks(raw: unknown): { mode: string; blocks: BruBlock[] } {
  if (raw === 'inherit') return { mode: 'inherit', blocks: [] };
  if (!isRecord(raw)) return { mode: 'none', blocks: [] };
  const type = str(raw.type);
  switch (type) {
    case 'basic':
    case 'digest':
      return { mode: type, blocks: [dict(`auth:${type}`, [pair('username', raw.username), pair('password', raw.password)])] };
    case 'bearer':
      return { mode: 'bearer', blocks: [dict('auth:bearer', [pair('token', raw.token)])] };
    case 'apikey':
      return {
        mode: 'apikey',
        blocks: [
          dict('auth:apikey', [pair('key', raw.key), pair('value', raw.value), pair('placement', raw.placement === 'query' ? 'queryparams' : 'header')]),
        ],
      };
    case 'oauth2': {
      const credentials = isRecord(raw.credentials) ? raw.credentials : {};
      const placement = isRecord(raw.tokenConfig) && isRecord(raw.tokenConfig.placement) ? raw.tokenConfig.placement : {};
      return {
        mode: 'oauth2',
        blocks: [
          dict('auth:oauth2', [
            pair('grant_type', raw.flow === 'resource_owner_password' ? 'password' : raw.flow),
            pair('access_token_url', raw.accessTokenUrl),
            pair('authorization_url', raw.authorizationUrl),
            pair('client_id', credentials.clientId),
            pair('client_secret', credentials.clientSecret),
            pair('credentials_placement', credentials.placement),
            pair('scope', raw.scope),
            pair('token_placement', 'query' in placement ? 'url' : 'header'),
            pair('token_header_prefix', placement.header),
          ]),
        ],
      };
    }
    default:
      return { mode: type || 'none', blocks: [] };
  }
}

/** headers, auth, variables, scripts, assertions and docs: what requests, folders and the collection share. */
function runtimeBlocks(holder: Json, runtime: Json, docs: unknown): BruBlock[] {
  const blocks: BruBlock[] = [];
  const headers = keyValues(holder.headers);
  if (headers.length > 0) blocks.push(dict('headers', headers));
  const variables = keyValues(runtime.variables);
  if (variables.length > 0) blocks.push(dict('vars:pre-request', variables));
  const actions = arr(runtime.actions).filter(isRecord);
  if (actions.length > 0)
    blocks.push(
      dict(
        'vars:post-response',
        actions.map((action) => pair(str(isRecord(action.variable) ? action.variable.name : action.name, 'action'), '')),
      ),
    );
  const assertions = arr(runtime.assertions).filter(isRecord);
  if (assertions.length > 0)
    blocks.push(
      dict(
        'assert',
        assertions.map((assertion) =>
          pair(str(assertion.expression), `${str(assertion.operator)} ${str(assertion.value)}`.trim(), assertion.disabled !== true),
        ),
      ),
    );
  for (const script of arr(runtime.scripts).filter(isRecord)) {
    const code = str(script.code);
    const type = str(script.type);
    if (type === 'tests') blocks.push(text('tests', code));
    else if (type === 'after-response') blocks.push(text('script:post-response', code));
    else blocks.push(text('script:pre-request', code));
  }
  const documentation = docsOf(docs);
  if (documentation.trim() !== '') blocks.push(text('docs', documentation));
  return blocks;
}

function requestBlocks(doc: Json): BruBlock[] {
  const info = isRecord(doc.info) ? doc.info : {};
  const graphql = isRecord(doc.graphql) ? doc.graphql : null;
  const http = graphql ?? (isRecord(doc.http) ? doc.http : null);
  const runtime = isRecord(doc.runtime) ? doc.runtime : {};
  const type = graphql ? 'graphql' : str(info.type, 'http');
  const blocks: BruBlock[] = [dict('meta', [pair('name', info.name), pair('type', type), ...(info.seq !== undefined ? [pair('seq', info.seq)] : [])])];
  if (!http) return blocks;
  const auth = authBlocks(http.auth ?? runtime.auth);
  const method = str(http.method, graphql ? 'POST' : 'GET').toLowerCase();
  const body = isRecord(http.body) ? http.body : null;
  let mode = 'none';
  const bodyBlocks: BruBlock[] = [];
  if (graphql) {
    mode = 'graphql';
    bodyBlocks.push(text('body:graphql', str(body?.query)), text('body:graphql:vars', str(body?.variables)));
  } else if (body) {
    const bodyType = str(body.type);
    if (['json', 'text', 'xml', 'sparql'].includes(bodyType)) {
      mode = bodyType;
      bodyBlocks.push(text(`body:${bodyType}`, str(body.data)));
    } else if (bodyType === 'form-urlencoded') {
      mode = 'formUrlEncoded';
      bodyBlocks.push(dict('body:form-urlencoded', keyValues(body.data)));
    } else if (bodyType === 'multipart-form') {
      mode = 'multipartForm';
      bodyBlocks.push(
        dict(
          'body:multipart-form',
          arr(body.data)
            .filter(isRecord)
            .map((entry) =>
              pair(
                str(entry.name),
                entry.type === 'file'
                  ? `@file(${arr(entry.value)
                      .map((file) => str(file))
                      .join('|')})`
                  : entry.value,
                entry.disabled !== true,
              ),
            ),
        ),
      );
    } else if (bodyType === 'file') mode = 'file';
    else mode = bodyType || 'none';
  }
  const standard = ['get', 'post', 'put', 'delete', 'patch', 'options', 'head', 'connect', 'trace'].includes(method);
  blocks.push(
    dict(standard ? method : 'http', [...(standard ? [] : [pair('method', method)]), pair('url', http.url), pair('body', mode), pair('auth', auth.mode)]),
  );
  const params = arr(http.params).filter(isRecord);
  const query = keyValues(params.filter((param) => param.type !== 'path'));
  const path = keyValues(params.filter((param) => param.type === 'path'));
  if (query.length > 0) blocks.push(dict('params:query', query));
  if (path.length > 0) blocks.push(dict('params:path', path));
  blocks.push(...auth.blocks, ...bodyBlocks, ...runtimeBlocks(http, runtime, doc.docs));
  if (arr(doc.examples).length > 0) blocks.push(text('example', 'saved'));
  return blocks;
}

/** folder.yml and opencollection.yml keep their defaults under "request". */
function containerBlocks(doc: Json): BruBlock[] {
  const info = isRecord(doc.info) ? doc.info : {};
  const request = isRecord(doc.request) ? doc.request : {};
  const auth = request.auth === undefined ? null : authBlocks(request.auth);
  return [
    dict('meta', [pair('name', info.name), ...(info.seq !== undefined ? [pair('seq', info.seq)] : [])]),
    ...(auth ? [dict('auth', [pair('mode', auth.mode)]), ...auth.blocks] : []),
    ...runtimeBlocks(request, request, doc.docs),
  ];
}

function environmentBlocks(doc: Json): BruBlock[] {
  const variables = arr(doc.variables).filter(isRecord);
  return [
    dict('vars', keyValues(variables.filter((variable) => variable.transient !== true))),
    {
      kind: 'list',
      name: 'vars:secret',
      values: variables.filter((variable) => variable.transient === true).map((variable) => `${variable.disabled === true ? '~' : ''}${str(variable.name)}`),
      line: 0,
    },
  ];
}

export function parseOpenCollection(source: string, kind: OpenCollectionKind): BruBlock[] {
  let doc: unknown;
  try {
    doc = parseYaml(source, { maxAliasCount: 100 });
  } catch (error) {
    throw new ImportFormatError(`not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  if (!isRecord(doc)) return [];
  switch (kind) {
    case 'request':
      return requestBlocks(doc);
    case 'environment':
      return environmentBlocks(doc);
    default:
      return containerBlocks(doc);
  }
}

/** The collection name opencollection.yml gives. */
export function openCollectionName(source: string): string {
  const doc: unknown = parseYaml(source, { maxAliasCount: 100 });
  return isRecord(doc) && isRecord(doc.info) ? str(doc.info.name, 'Bruno collection') : 'Bruno collection';
}
