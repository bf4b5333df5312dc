import {
  httpRequestSpecSchema,
  type ImportedEnvironment,
  type ImportedFolder,
  type ImportedItem,
  type ImportResult,
  type KeyValue,
  type RequestBody,
} from '../../contract';
import { arr, ImportFormatError, isRecord, str, Warnings } from '../common/warnings';
import { exampleFromSchema } from './example-from-schema';
import { authFromSecurity } from './security';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
type Doc = Record<string, unknown>;

/** A parameter's value for the table: only what the document gives (example, default, enum); never invented. */
function parameterValue(parameter: Doc): string {
  const schema = isRecord(parameter.schema) ? parameter.schema : parameter;
  const examples = isRecord(parameter.examples) ? Object.values(parameter.examples).find(isRecord) : undefined;
  const value = parameter.example ?? examples?.value ?? schema.example ?? schema.default ?? (Array.isArray(schema.enum) ? schema.enum[0] : undefined);
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function serverUrl(server: Doc): string {
  const variables = isRecord(server.variables) ? server.variables : {};
  return str(server.url)
    .replace(/\{([^}]+)\}/g, (whole, name: string) => {
      const variable = variables[name];
      return isRecord(variable) && variable.default !== undefined ? str(variable.default) : whole;
    })
    .replace(/\/+$/, '');
}

function mediaExample(media: Doc): unknown {
  if (media.example !== undefined) return media.example;
  const first = isRecord(media.examples) ? Object.values(media.examples).find(isRecord) : undefined;
  if (first && first.value !== undefined) return first.value;
  return exampleFromSchema(media.schema);
}

function fieldsOf(example: unknown): KeyValue[] {
  if (!isRecord(example)) return [];
  return Object.entries(example).map(([name, value]) => ({ name, value: typeof value === 'string' ? value : JSON.stringify(value ?? ''), enabled: true }));
}

/**
 * Example JSON text per schema object: a dereferenced document shares one object per component, and a large API
 * (Microsoft Graph) sends the same entity schema to many operations, so each is written once.
 */
class BodyTexts extends Map<unknown, string> {
  /** allOf merges, shared by every example of the document (see ExampleContext) */
  readonly merged = new WeakMap<Record<string, unknown>, Record<string, unknown>>();
}

function jsonText(schema: unknown, texts: BodyTexts): string {
  if (typeof schema !== 'object' || schema === null) return JSON.stringify(exampleFromSchema(schema) ?? {}, null, 2);
  let text = texts.get(schema);
  if (text === undefined) {
    text = JSON.stringify(exampleFromSchema(schema, texts.merged) ?? {}, null, 2);
    texts.set(schema, text);
  }
  return text;
}

/** OpenAPI 3.x requestBody: JSON first, then forms, then text, then whatever comes first. */
function bodyFromContent(content: Doc, path: string[], warnings: Warnings, texts: BodyTexts): { body: RequestBody; contentType: string | null } {
  const types = Object.keys(content);
  const pick =
    types.find((t) => /[/+]json\b/i.test(t)) ??
    types.find((t) => /x-www-form-urlencoded/i.test(t)) ??
    types.find((t) => /multipart\/form-data/i.test(t)) ??
    types.find((t) => /^text\/|xml/i.test(t)) ??
    types[0];
  if (pick === undefined) return { body: { kind: 'none' }, contentType: null };
  const media = isRecord(content[pick]) ? (content[pick] as Doc) : {};
  const contentType = /^application\/json$/i.test(pick) ? null : pick;
  const explicit = media.example !== undefined || isRecord(media.examples);
  if (/[/+]json\b/i.test(pick) && !explicit) return { body: { kind: 'json', text: jsonText(media.schema, texts) }, contentType };
  const example = mediaExample(media);
  if (/[/+]json\b/i.test(pick)) return { body: { kind: 'json', text: JSON.stringify(example ?? {}, null, 2) }, contentType };
  if (/x-www-form-urlencoded/i.test(pick)) return { body: { kind: 'form', fields: fieldsOf(example) }, contentType: null };
  if (/multipart\/form-data/i.test(pick)) {
    const properties = isRecord(media.schema) && isRecord(media.schema.properties) ? media.schema.properties : {};
    return {
      body: {
        kind: 'multipart',
        parts: fieldsOf(example).map((field) => {
          const property = properties[field.name];
          return isRecord(property) && (property.format === 'binary' || property.contentMediaType !== undefined)
            ? { kind: 'file' as const, name: field.name, file: null, enabled: true }
            : { kind: 'text' as const, name: field.name, value: field.value, enabled: true };
        }),
      },
      contentType: null,
    };
  }
  if (/octet-stream|^image\/|^audio\/|^video\//i.test(pick)) return { body: { kind: 'binary', file: null }, contentType: pick };
  if (typeof example !== 'string' && example !== null && example !== undefined) warnings.add(path, `No text example for ${pick}; the body was left empty.`);
  return { body: { kind: 'text', text: typeof example === 'string' ? example : '', contentType: pick }, contentType: null };
}

interface Context {
  doc: Doc;
  warnings: Warnings;
  swagger2: boolean;
  collectionVariables: Map<string, KeyValue>;
  schemes: Record<string, unknown>;
  bodyTexts: BodyTexts;
}

/**
 * Query names a path key already carries (`/search?query={query}`, as some descriptions write them) and the variable
 * each one's value refers to, if any: those parameters fill the variable instead of being appended a second time.
 */
function queryTemplate(pathKey: string): Map<string, string | null> {
  const names = new Map<string, string | null>();
  const query = pathKey.split('?')[1];
  if (query === undefined) return names;
  for (const pair of query.split('&')) {
    const [name = '', value = ''] = pair.split('=');
    names.set(name, /^\{([^}]+)\}$/.exec(value)?.[1] ?? null);
  }
  return names;
}

function convertOperation(ctx: Context, pathKey: string, method: string, operation: Doc, pathItem: Doc): { tag: string | null; item: ImportedItem } {
  const name = str(operation.summary) || str(operation.operationId) || `${method.toUpperCase()} ${pathKey}`;
  const itemPath = [str(arr(operation.tags)[0]) || '', name].filter(Boolean);
  const merged = new Map<string, Doc>();
  for (const parameter of [...arr(pathItem.parameters), ...arr(operation.parameters)].filter(isRecord))
    merged.set(`${str(parameter.in)}:${str(parameter.name)}`, parameter);
  const params: KeyValue[] = [];
  const headers: KeyValue[] = [];
  const variables: KeyValue[] = [];
  const formFields: { field: KeyValue; file: boolean }[] = [];
  let body: RequestBody = { kind: 'none' };
  let contentType: string | null = null;
  const inPathKey = queryTemplate(pathKey);
  for (const parameter of merged.values()) {
    const pname = str(parameter.name);
    const field = { name: pname, value: parameterValue(parameter), enabled: parameter.required === true || parameter.in === 'path' };
    switch (parameter.in) {
      case 'path':
        variables.push({ ...field, enabled: true });
        break;
      case 'query': {
        // described by query name (`query` for ?query={query}) or by the variable's name (`ownerId` for ?owner={ownerId})
        const variable = inPathKey.has(pname) ? inPathKey.get(pname) : [...inPathKey.values()].includes(pname) ? pname : undefined;
        if (variable === undefined) params.push(field);
        else if (variable !== null) variables.push({ name: variable, value: field.value, enabled: true });
        break;
      }
      case 'header':
        if (!/^(accept|content-type|authorization)$/i.test(pname)) headers.push(field);
        break;
      case 'cookie':
        ctx.warnings.add(itemPath, `The cookie parameter "${pname}" was not imported; add it to a Cookie header if you need it.`);
        break;
      case 'body':
        body = { kind: 'json', text: jsonText(parameter.schema, ctx.bodyTexts) };
        break;
      case 'formData':
        formFields.push({ field: { ...field, enabled: true }, file: str(parameter.type) === 'file' });
        break;
    }
  }
  if (!ctx.swagger2 && isRecord(operation.requestBody) && isRecord(operation.requestBody.content)) {
    ({ body, contentType } = bodyFromContent(operation.requestBody.content, itemPath, ctx.warnings, ctx.bodyTexts));
  }
  if (ctx.swagger2 && formFields.length > 0) {
    const consumes = arr(operation.consumes ?? ctx.doc.consumes).map((c) => str(c));
    body =
      formFields.some((f) => f.file) || consumes.includes('multipart/form-data')
        ? {
            kind: 'multipart',
            parts: formFields.map(({ field, file }) =>
              file ? { kind: 'file' as const, name: field.name, file: null, enabled: true } : { kind: 'text' as const, ...field },
            ),
          }
        : { kind: 'form', fields: formFields.map(({ field }) => field) };
  }
  if (contentType) headers.push({ name: 'Content-Type', value: contentType, enabled: true });
  // a template variable no parameter describes is still defined, so the URL never sends a literal {{name}}
  for (const name of [...pathKey.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!))
    if (!variables.some((v) => v.name === name)) variables.push({ name, value: '', enabled: true });
  const security = authFromSecurity(operation.security ?? ctx.doc.security, ctx.schemes);
  if (security.warning) ctx.warnings.add(itemPath, security.warning);
  for (const variable of security.variables) if (!ctx.collectionVariables.has(variable.name)) ctx.collectionVariables.set(variable.name, variable);
  if (isRecord(operation.callbacks) && Object.keys(operation.callbacks).length > 0) ctx.warnings.add(itemPath, 'Callbacks are not imported.');
  const url = `{{baseUrl}}${pathKey.replace(/\{([^}]+)\}/g, '{{$1}}')}`;
  return {
    tag: str(arr(operation.tags)[0]) || null,
    item: {
      type: 'request',
      name,
      description: [str(operation.description), operation.deprecated === true ? '(deprecated)' : ''].filter(Boolean).join('\n\n'),
      request: httpRequestSpecSchema.parse({ method: method.toUpperCase(), url, params, headers, body, auth: security.auth, variables }),
    },
  };
}

/** WHATWG URL: every host Courier runs in has it (Node, Chromium); shared/ compiles without their type libraries. */
const WhatwgUrl = (globalThis as unknown as { URL: new (url: string, base?: string) => { href: string; host: string; protocol: string; pathname: string } })
  .URL;

const isAbsolute = (url: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(url);

/** A server URL relative to the document (OpenAPI 3: "/" is the default), resolved against where it was read from. */
function resolveServer(url: string, sourceUrl: string | undefined): string {
  if (isAbsolute(url) || sourceUrl === undefined) return url;
  try {
    return new WhatwgUrl(url === '' ? '/' : url, sourceUrl).href.replace(/\/+$/, '');
  } catch {
    return url;
  }
}

/** "api.example.com/v1" for an absolute URL, the text as written otherwise: what tells two servers apart. */
function serverLabel(url: string, written: string): string {
  if (!isAbsolute(url)) return written || '/';
  try {
    const parsed = new WhatwgUrl(url);
    return `${parsed.host}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    return url;
  }
}

/**
 * The document's servers as environments holding baseUrl, named "<API title> — <server description or host>" (an
 * environment named after a bare URL told the user nothing). With one server there is nothing to switch between and
 * the collection already carries baseUrl, so none is made, as Postman does.
 */
function environmentsOf(doc: Doc, title: string, swagger2: boolean, warnings: Warnings, sourceUrl: string | undefined): ImportedEnvironment[] {
  const named = (label: string) => `${title} — ${label}`;
  if (swagger2) {
    const source = sourceUrl !== undefined && isAbsolute(sourceUrl) ? new WhatwgUrl(sourceUrl) : null;
    // 2.0: without host, the API is served by the host that serves the document
    const host = str(doc.host) || (source?.host ?? '');
    if (host === '') {
      warnings.add([], 'The document has no host; baseUrl is empty: set it yourself.');
      return [];
    }
    const schemes = arr(doc.schemes).map((s) => str(s));
    const base = str(doc.basePath).replace(/\/+$/, '');
    const fallback = source ? source.protocol.replace(':', '') : 'https';
    return (schemes.length > 0 ? schemes : [fallback]).map((scheme) => ({
      name: named(`${scheme.toUpperCase()} ${host}${base}`),
      variables: [{ name: 'baseUrl', value: `${scheme}://${host}${base}`, enabled: true }],
    }));
  }
  const declared = arr(doc.servers).filter(isRecord);
  const servers = declared.length === 0 && sourceUrl !== undefined ? [{ url: '/' }] : declared;
  if (servers.length === 0) warnings.add([], 'The document has no servers; baseUrl is empty: set it yourself.');
  const environments = servers.map((server) => {
    const written = str(server.url);
    const url = resolveServer(serverUrl(server), sourceUrl);
    return {
      absolute: isAbsolute(url),
      written,
      environment: { name: named(str(server.description) || serverLabel(url, written)), variables: [{ name: 'baseUrl', value: url, enabled: true }] },
    };
  });
  const single = environments.length === 1;
  for (const { absolute, written, environment } of environments) {
    if (absolute) continue;
    const value = environment.variables[0]!.value;
    const where = single ? `the collection's variables (Collection settings of “${title}”)` : `the environment "${environment.name}"`;
    warnings.add(
      [],
      value === ''
        ? `The server "${written}" is relative to where the document is served and Courier does not know that host: baseUrl is empty in ${where}; set it to the API's address.`
        : `The server "${written}" is relative; complete baseUrl with the host in ${where}.`,
    );
  }
  // the first absolute server is the default; relative ones stay as further environments
  return [...environments.filter((entry) => entry.absolute), ...environments.filter((entry) => !entry.absolute)].map((entry) => entry.environment);
}

/**
 * $refs to other files or URLs: they are deliberately not followed (an imported file must not make Courier read
 * anything else), so the user is told. Read from the parsed document, not its text, so that a schema property NAMED
 * `$ref` (`properties: { $ref: { type: string } }`, whose value is a schema) is not taken for a reference: a
 * reference's value is a string. One linear walk over the not yet dereferenced tree (YAML anchors may share nodes,
 * hence `seen`).
 */
export function externalReferences(document: unknown): string[] {
  const found = new Set<string>();
  const seen = new Set<object>();
  const stack: unknown[] = [document];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const child of node) if (typeof child === 'object' && child !== null) stack.push(child);
      continue;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        if (!value.startsWith('#')) found.add(value);
      } else if (typeof value === 'object' && value !== null) stack.push(value);
    }
  }
  return [...found];
}

/** A dereferenced OpenAPI 3.0/3.1 or Swagger 2.0 document: one request per operation, folders by first tag. */
export function importOpenApi(doc: Doc, unresolved: readonly string[] = [], options: { sourceUrl?: string } = {}): ImportResult {
  const swagger2 = typeof doc.swagger === 'string';
  const version = swagger2 ? str(doc.swagger) : str(doc.openapi);
  if (!version || !isRecord(doc.info)) throw new ImportFormatError('This is not an OpenAPI document: "openapi" (or "swagger") and "info" are required.');
  if (!isRecord(doc.paths) && !isRecord(doc.webhooks)) throw new ImportFormatError('This OpenAPI document has no paths.');
  const warnings = new Warnings();
  const components = isRecord(doc.components) ? doc.components : {};
  const schemes = (swagger2 ? doc.securityDefinitions : components.securitySchemes) as Record<string, unknown> | undefined;
  const ctx: Context = { doc, warnings, swagger2, collectionVariables: new Map(), schemes: isRecord(schemes) ? schemes : {}, bodyTexts: new BodyTexts() };
  const folders = new Map<string, ImportedFolder>();
  for (const tag of arr(doc.tags).filter(isRecord))
    folders.set(str(tag.name), { type: 'folder', name: str(tag.name), description: str(tag.description), items: [] });
  const rootItems: ImportedItem[] = [];
  for (const [pathKey, pathItem] of Object.entries(isRecord(doc.paths) ? doc.paths : {})) {
    if (!isRecord(pathItem)) continue;
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!isRecord(operation)) continue;
      const { tag, item } = convertOperation(ctx, pathKey, method, operation, pathItem);
      if (tag === null) rootItems.push(item);
      else {
        if (!folders.has(tag)) folders.set(tag, { type: 'folder', name: tag, description: '', items: [] });
        folders.get(tag)!.items.push(item);
      }
    }
  }
  if (isRecord(doc.webhooks) && Object.keys(doc.webhooks).length > 0)
    warnings.add([], `${Object.keys(doc.webhooks).length} webhooks are not imported (they are requests the API sends, not ones you send).`);
  const title = str(isRecord(doc.info) ? doc.info.title : '', 'API');
  const servers = environmentsOf(doc, title, swagger2, warnings, options.sourceUrl);
  // one server: the collection's baseUrl is all there is to it (an environment would only repeat it)
  const environments = servers.length > 1 ? servers : [];
  if (unresolved.length > 0) {
    warnings.add(
      [],
      `${unresolved.length} reference${unresolved.length === 1 ? ' was' : 's were'} not followed (Courier does not read other files or URLs named by a document): ${unresolved.slice(0, 5).join(', ')}`,
    );
  }
  const info = doc.info;
  return {
    format: 'openapi',
    formatLabel: swagger2 ? `Swagger ${version}` : `OpenAPI ${version}`,
    collections: [
      {
        name: title,
        description: str(info.description),
        variables: [{ name: 'baseUrl', value: servers[0]?.variables[0]?.value ?? '', enabled: true }, ...ctx.collectionVariables.values()],
        auth: { kind: 'none' },
        items: [...[...folders.values()].filter((folder) => folder.items.length > 0), ...rootItems],
      },
    ],
    environments,
    warnings: warnings.list,
  };
}
