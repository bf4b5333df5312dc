import {
  httpRequestSpecSchema,
  requestAuthSchema,
  type ImportedEnvironment,
  type ImportedFolder,
  type ImportedItem,
  type ImportResult,
  type KeyValue,
  type RequestAuthInput,
  type SavedScripts,
} from '../../contract';
import { mergeHeaders, mergeVariables } from '../common/inherit';
import { convertOrLeaveOut, ImportFormatError, isComputedHeader, isRecord, str, Warnings } from '../common/warnings';
import { brunoAuth, brunoBody, brunoTemplate, keyValues, preRequestVars, reportNotCarried } from './bruno-request';
import { brunoAssertions, brunoCaptures, brunoScripts } from './bruno-tests';
import { openCollectionName, parseOpenCollection, type OpenCollectionKind } from './open-collection';
import { BruSyntaxError, parseBru, textOf, valueOf, type BruBlock } from './parse-bru';

/** One file of a Bruno collection folder: its path from the collection root ("/" separated) and its text. */
export interface BrunoFile {
  path: string;
  text: string;
}

const HTTP_METHODS = ['get', 'post', 'put', 'delete', 'patch', 'options', 'head', 'connect', 'trace'];

/** What a folder hands down to the requests below it: Courier folders keep neither headers nor auth nor variables. */
interface Inherited {
  headers: KeyValue[];
  auth: RequestAuthInput | null;
  variables: KeyValue[];
}

const isYaml = (name: string) => /\.ya?ml$/.test(name);

/** A .bru file, or its YAML (OpenCollection) counterpart read into the same blocks. */
function parse(file: BrunoFile, kind: OpenCollectionKind): BruBlock[] {
  try {
    return isYaml(file.path) ? parseOpenCollection(file.text, kind) : parseBru(file.text);
  } catch (error) {
    if (error instanceof BruSyntaxError || error instanceof ImportFormatError) throw new ImportFormatError(`${file.path}: ${error.message}`);
    throw error;
  }
}

/**
 * Bruno writes enabled query params into the URL too; unticked ones live only in params:query. Path params (":id")
 * become {{id}} with the value as a request variable, as Courier has no path-parameter table.
 */
function urlAndParams(blocks: readonly BruBlock[], rawUrl: string): { url: string; params: KeyValue[]; variables: KeyValue[] } {
  let url = brunoTemplate(rawUrl);
  const query = [...keyValues(blocks, 'params:query'), ...keyValues(blocks, 'query')];
  const inUrl = url.includes('?')
    ? url
        .slice(url.indexOf('?') + 1)
        .split('#')[0]!
        .split('&')
        .map((pair) => pair.split('=')[0])
    : [];
  const params = query.filter((param) => !param.enabled || !inUrl.includes(param.name));
  const variables = keyValues(blocks, 'params:path');
  for (const variable of variables) {
    url = url.replace(new RegExp(`(/):${variable.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[/?#]|$)`, 'g'), `$1{{${variable.name}}}`);
  }
  return { url, params, variables: variables.map((variable) => ({ ...variable, enabled: true })) };
}

function convertRequest(file: BrunoFile, blocks: BruBlock[], parentPath: string[], inherited: Inherited, warnings: Warnings): ImportedItem | null {
  const fallbackName = file.path
    .split('/')
    .pop()!
    .replace(/\.(bru|ya?ml)$/, '');
  const name = valueOf(blocks, 'meta', 'name') || fallbackName;
  const path = [...parentPath, name];
  const type = valueOf(blocks, 'meta', 'type') ?? 'http';
  const httpBlock = blocks.find((block) => block.kind === 'dict' && (HTTP_METHODS.includes(block.name) || block.name === 'http'));
  if (!httpBlock || httpBlock.kind !== 'dict' || (type !== 'http' && type !== 'graphql')) {
    warnings.add(
      path,
      `${type === 'http' ? 'A .bru file without a method block' : `${type} requests`} not imported (Courier imports HTTP and GraphQL requests from Bruno).`,
    );
    return null;
  }
  const http = (key: string) => httpBlock.pairs.find((pair) => pair.key === key)?.value;
  const method = (httpBlock.name === 'http' ? (http('method') ?? 'get') : httpBlock.name).toUpperCase();
  const { url, params, variables } = urlAndParams(blocks, http('url') ?? '');
  reportNotCarried(blocks, path, warnings, 'request');
  const docs = textOf(blocks, 'docs') ?? '';
  const scripts = brunoScripts(blocks);
  const tests = { assertions: brunoAssertions(blocks, path, warnings), captures: brunoCaptures(blocks, path, warnings) };
  if (docs.trim() !== '') warnings.add(path, 'Docs not carried over (Courier does not keep request docs yet).');
  const settings = requestSettings(blocks, path, warnings);
  const ownAuth = brunoAuth(blocks, http('auth') ?? 'none', path, warnings);
  return {
    type: 'request',
    name,
    description: docs,
    request: httpRequestSpecSchema.parse({
      method,
      url,
      params,
      headers: mergeHeaders(inherited.headers, keyValues(blocks, 'headers')).filter((header) => !isComputedHeader(header.name)),
      body: brunoBody(blocks, http('body'), type === 'graphql', path, warnings),
      // a folder's auth is written onto its inheriting requests (Courier folders have none); the collection's stays
      // on the collection, which requests inherit
      auth: ownAuth ?? inherited.auth ?? { kind: 'inherit' },
      variables: mergeVariables(inherited.variables, [...preRequestVars(blocks), ...variables]),
      settings,
      ...(tests.assertions.length + tests.captures.length > 0 ? { tests } : {}),
      ...(scripts ? { scripts } : {}),
    }),
  };
}

/**
 * Bruno's settings block: redirects and the timeout have Courier equivalents (Bruno's timeout 0 means none, as
 * Courier's deadline 0 does); anything else that differs from Bruno's default is named.
 */
function requestSettings(blocks: readonly BruBlock[], path: string[], warnings: Warnings): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { name: key, value } of keyValues(blocks, 'settings')) {
    if (key === 'followRedirects') out.followRedirects = value !== 'false';
    else if (key === 'maxRedirects' && /^\d+$/.test(value)) out.maxRedirects = Math.min(Number(value), 100);
    else if (key === 'timeout' && /^\d+$/.test(value)) {
      // 0 is what Bruno writes when nobody set a timeout, so it keeps Courier's default deadline rather than none
      if (Number(value) > 0) out.deadlineMs = Math.min(Number(value), 24 * 3_600_000);
    } else if (key === 'encodeUrl' && value === 'false') warnings.add(path, 'Bruno sent this URL without encoding it; Courier encodes what must be encoded.');
    else if (key === 'forwardAuthorizationHeader' && value === 'true') out.keepCredentialsOnRedirect = true;
    else if (key !== 'encodeUrl' && key !== 'forwardAuthorizationHeader' && key !== 'timeout')
      warnings.add(path, `The setting "${key}: ${value}" was not carried over.`);
  }
  return out;
}

interface Node {
  files: Map<string, BrunoFile>;
  folders: Map<string, Node>;
}

function tree(files: readonly BrunoFile[]): Node {
  const root: Node = { files: new Map(), folders: new Map() };
  for (const file of files) {
    const parts = file.path.split('/').filter((part) => part !== '');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      if (!node.folders.has(part)) node.folders.set(part, { files: new Map(), folders: new Map() });
      node = node.folders.get(part)!;
    }
    node.files.set(parts[parts.length - 1]!, file);
  }
  return root;
}

const seqOf = (blocks: BruBlock[]) => Number(valueOf(blocks, 'meta', 'seq') ?? Number.POSITIVE_INFINITY);

function convertFolder(
  node: Node,
  parentPath: string[],
  inherited: Inherited,
  warnings: Warnings,
  folderName: string | null,
): { items: ImportedItem[]; seq: number; name: string; scripts: SavedScripts | undefined } {
  const folderFile = node.files.get('folder.bru') ?? node.files.get('folder.yml') ?? node.files.get('folder.yaml');
  const folderBlocks = folderFile ? parse(folderFile, 'folder') : [];
  const name = folderName === null ? '' : valueOf(folderBlocks, 'meta', 'name') || folderName;
  const path = folderName === null ? parentPath : [...parentPath, name];
  let here = inherited;
  if (folderFile) {
    reportNotCarried(folderBlocks, path, warnings, 'folder');
    if ((textOf(folderBlocks, 'docs') ?? '').trim() !== '') warnings.add(path, 'Folder docs not carried over.');
    const auth = brunoAuth(folderBlocks, valueOf(folderBlocks, 'auth', 'mode'), path, warnings);
    here = {
      headers: mergeHeaders(inherited.headers, keyValues(folderBlocks, 'headers')),
      auth: auth ?? inherited.auth,
      variables: mergeVariables(inherited.variables, preRequestVars(folderBlocks)),
    };
  }
  const entries: { item: ImportedItem; seq: number; folder: boolean }[] = [];
  for (const [folder, child] of [...node.folders].sort(([a], [b]) => a.localeCompare(b))) {
    if (folderName === null && folder === 'environments') continue;
    if (folder === 'node_modules' || folder.startsWith('.')) continue;
    const converted = convertFolder(child, path, here, warnings, folder);
    entries.push({
      item: {
        type: 'folder',
        name: converted.name,
        description: '',
        items: converted.items,
        ...(converted.scripts ? { scripts: converted.scripts } : {}),
      } satisfies ImportedFolder,
      seq: converted.seq,
      folder: true,
    });
  }
  for (const [fileName, file] of [...node.files].sort(([a], [b]) => a.localeCompare(b))) {
    if (
      !/\.(bru|ya?ml)$/.test(fileName) ||
      /^folder\.(bru|ya?ml)$/.test(fileName) ||
      (folderName === null && /^(collection\.bru|opencollection\.ya?ml)$/.test(fileName))
    )
      continue;
    // one request file that does not parse is left out by name (its path and line say why); the others import
    const converted = convertOrLeaveOut([...path, fileName], warnings, () => {
      const blocks = parse(file, 'request');
      return { item: convertRequest(file, blocks, path, here, warnings), seq: seqOf(blocks) };
    });
    if (converted?.item) entries.push({ item: converted.item, seq: converted.seq, folder: false });
  }
  // folders first, then requests, each in Bruno's "seq" order
  entries.sort((a, b) => Number(b.folder) - Number(a.folder) || a.seq - b.seq);
  return { items: entries.map((entry) => entry.item), seq: seqOf(folderBlocks), name, scripts: brunoScripts(folderBlocks) };
}

function environment(file: BrunoFile, warnings: Warnings): ImportedEnvironment {
  const blocks = parse(file, 'environment');
  const fileName = file.path
    .split('/')
    .pop()!
    .replace(/\.(bru|ya?ml)$/, '');
  const name = (isYaml(file.path) && parseOpenCollectionName(file.text)) || fileName;
  const secrets = blocks.flatMap((block) => (block.kind === 'list' && block.name === 'vars:secret' ? block.values : []));
  if (secrets.length > 0) {
    warnings.add(
      ['Environment ' + name],
      `${secrets.length} secret variable${secrets.length === 1 ? '' : 's'} (${secrets.map((secret) => secret.replace(/^~/, '')).join(', ')}) imported without ${secrets.length === 1 ? 'its value' : 'their values'}: Bruno keeps secret values on its own machine, never in the collection. Set them in Courier's vault.`,
    );
  }
  return {
    name,
    variables: [
      ...keyValues(blocks, 'vars'),
      ...secrets.map((secret) => ({ name: secret.replace(/^~/, ''), value: '', enabled: !secret.startsWith('~'), secret: true })),
    ],
  };
}

/** An environment .yml names itself; the file name is the fallback. */
function parseOpenCollectionName(source: string): string {
  const match = /^name:\s*(.+)$/m.exec(source);
  return match ? match[1]!.trim().replace(/^(["'])(.*)\1$/, '$2') : '';
}

/**
 * A Bruno collection folder: bruno.json, collection.bru, folders with folder.bru, environments/*.bru; or the same in
 * Bruno's YAML format (opencollection.yml, folder.yml, .yml requests and environments).
 */
export function importBrunoFolder(files: readonly BrunoFile[]): ImportResult {
  const byPath = new Map(files.map((file) => [file.path.replace(/^\.?\//, ''), { ...file, path: file.path.replace(/^\.?\//, '') }]));
  const config = byPath.get('bruno.json');
  const openCollection = byPath.get('opencollection.yml') ?? byPath.get('opencollection.yaml');
  if (!config && !openCollection) throw new ImportFormatError('This folder is not a Bruno collection: it has no bruno.json (or opencollection.yml).');
  let json: unknown = {};
  if (config) {
    try {
      json = JSON.parse(config.text);
    } catch (error) {
      throw new ImportFormatError(`bruno.json is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  let name = isRecord(json) ? str(json.name, 'Bruno collection') : 'Bruno collection';
  if (!config && openCollection) {
    try {
      name = openCollectionName(openCollection.text);
    } catch (error) {
      throw new ImportFormatError(`${openCollection.path}: not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }
  const warnings = new Warnings();
  if (isRecord(json) && isRecord(json.proxy) && json.proxy.enabled === true) warnings.add([], 'The collection proxy settings were not carried over.');
  if (isRecord(json) && isRecord(json.clientCertificates) && Array.isArray(json.clientCertificates.certs) && json.clientCertificates.certs.length > 0)
    warnings.add([], 'Client certificates were not carried over.');
  const collectionFile = config ? byPath.get('collection.bru') : openCollection;
  const collectionBlocks = collectionFile ? parse(collectionFile, 'collection') : [];
  reportNotCarried(collectionBlocks, [], warnings, 'folder');
  const collectionScripts = brunoScripts(collectionBlocks);
  if ((textOf(collectionBlocks, 'docs') ?? '').trim() !== '') warnings.add([], 'Collection docs not carried over.');
  const collectionAuth = brunoAuth(collectionBlocks, valueOf(collectionBlocks, 'auth', 'mode'), [], warnings);
  const headers = keyValues(collectionBlocks, 'headers');
  const root = tree([...byPath.values()]);
  const { items } = convertFolder(root, [], { headers, auth: null, variables: [] }, warnings, null);
  if (headers.length > 0)
    warnings.add(
      [],
      `Collection headers (${headers.map((header) => header.name).join(', ')}) were written onto every request (Courier collections have no headers of their own).`,
    );
  const environments = [...byPath.values()]
    .filter((file) => /^environments\/[^/]+\.(bru|ya?ml)$/.test(file.path))
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((file) => environment(file, warnings));
  if (byPath.has('.env'))
    warnings.add([], 'The .env file was not read; {{process.env.NAME}} references became {{$env.NAME}}, read from the environment Courier runs in.');
  return {
    format: 'bruno',
    formatLabel: config ? 'Bruno collection' : 'Bruno collection (YAML)',
    collections: [
      {
        name,
        description: textOf(collectionBlocks, 'docs') ?? '',
        variables: preRequestVars(collectionBlocks),
        auth: requestAuthSchema.parse(collectionAuth ?? { kind: 'none' }),
        items,
        ...(collectionScripts ? { scripts: collectionScripts } : {}),
      },
    ],
    environments,
    warnings: warnings.list,
  };
}

/** One .bru request pasted or picked on its own. */
export function importBruFile(text: string): ImportResult {
  const result = importBrunoFolder([
    { path: 'bruno.json', text: '{"name":"Bruno"}' },
    { path: 'request.bru', text },
  ]);
  // the one request of a pasted file left out is nothing imported: refused with the reason
  const leftOut = result.warnings.find((warning) => warning.item === 'request.bru' && warning.message.startsWith('Not imported: '));
  if (leftOut) throw new ImportFormatError(leftOut.message.slice('Not imported: '.length).replace(/^request\.bru: /, ''));
  return { ...result, formatLabel: 'Bruno request (.bru)' };
}
