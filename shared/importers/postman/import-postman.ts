import {
  httpRequestSpecSchema,
  requestAuthSchema,
  type ImportedItem,
  type ImportResult,
  type KeyValue,
  type MultipartPart,
  type RequestAuthInput,
  type RequestBody,
  type SavedScripts,
} from '../../contract';
import { bodyFromText } from '../common/body';
import { arr, convertOrLeaveOut, ImportFormatError, isComputedHeader, isRecord, str, Warnings } from '../common/warnings';
import { postmanAuth } from './postman-auth';
import { isPostmanV1, parseHeaderString, postmanV1ToV2 } from './postman-v1';
import { behaviourOf, settingsOf } from './postman-settings';
import { mapDynamicVariables, unsupportedDynamicWarning } from './postman-dynamic';

function description(raw: unknown): string {
  if (isRecord(raw)) return str(raw.content);
  return str(raw);
}

function keyValues(raw: unknown): KeyValue[] {
  return arr(raw)
    .filter(isRecord)
    .map((entry) => ({ name: str(entry.key), value: str(entry.value), enabled: entry.disabled !== true }));
}

/**
 * Postman's ":id" path segments become {{id}}, with the value the collection gave as a request variable. Unticked
 * query entries are not in Postman's raw URL (it is what gets sent); they come back as unticked params.
 */
function urlOf(raw: unknown): { url: string; variables: KeyValue[]; params: KeyValue[] } {
  if (!isRecord(raw)) return { url: str(raw), variables: [], params: [] };
  const params = keyValues(raw.query).filter((q) => !q.enabled);
  let url = str(raw.raw);
  if (url === '') {
    const host = Array.isArray(raw.host) ? raw.host.map((part) => str(part)).join('.') : str(raw.host);
    const path = Array.isArray(raw.path) ? raw.path.map((part) => str(part)).join('/') : str(raw.path);
    const query = keyValues(raw.query)
      .filter((q) => q.enabled)
      .map((q) => `${q.name}=${q.value}`)
      .join('&');
    url = `${raw.protocol ? `${str(raw.protocol)}://` : ''}${host}${path ? `/${path}` : ''}${query ? `?${query}` : ''}`;
  }
  const variables = keyValues(raw.variable);
  for (const variable of variables) {
    url = url.replace(new RegExp(`(/):${variable.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[/?#]|$)`, 'g'), `$1{{${variable.name}}}`);
  }
  return { url, variables, params };
}

function bodyOf(raw: unknown, path: string[], warnings: Warnings): RequestBody {
  if (!isRecord(raw) || raw.disabled === true) return { kind: 'none' };
  switch (str(raw.mode)) {
    case 'raw': {
      const language = isRecord(raw.options) && isRecord(raw.options.raw) ? str(raw.options.raw.language) : '';
      const type = { json: 'application/json', xml: 'application/xml', html: 'text/html', javascript: 'application/javascript' }[language] ?? 'text/plain';
      // Postman sends nothing for an empty raw body, whatever the method and language
      if (str(raw.raw) === '') return { kind: 'none' };
      return bodyFromText(type, str(raw.raw));
    }
    case 'urlencoded':
      return { kind: 'form', fields: keyValues(raw.urlencoded) };
    case 'formdata':
      return {
        kind: 'multipart',
        parts: arr(raw.formdata)
          .filter(isRecord)
          .map((part): MultipartPart => {
            if (str(part.type) === 'file') {
              warnings.add(path, `The file for form part "${str(part.key)}" is not in the collection; choose it again.`);
              return { kind: 'file', name: str(part.key), file: null, enabled: part.disabled !== true };
            }
            return { kind: 'text', name: str(part.key), value: str(part.value), enabled: part.disabled !== true };
          }),
      };
    case 'file': {
      const src = isRecord(raw.file) ? str(raw.file.src) : '';
      warnings.add(path, `The body file${src ? ` "${src}"` : ''} is not in the collection; choose it again in the Body tab.`);
      return { kind: 'binary', file: null };
    }
    case 'graphql': {
      const graphql = isRecord(raw.graphql) ? raw.graphql : {};
      let variables: unknown = {};
      try {
        variables = str(graphql.variables) ? JSON.parse(str(graphql.variables)) : {};
      } catch {
        warnings.add(path, 'The GraphQL variables are not valid JSON; they were left out.');
      }
      return { kind: 'json', text: JSON.stringify({ query: str(graphql.query), variables }, null, 2) };
    }
    default:
      return { kind: 'none' };
  }
}

const SCRIPT_NAMES: Record<string, string> = { prerequest: 'pre-request script', test: 'test script' };

/** pm calls Courier's sandbox refuses (services/scripts): named at import so the user hears before a run fails */
const UNSUPPORTED_CALLS: [RegExp, string][] = [
  [/\bpm\.cookies\b/, 'pm.cookies'],
  [/\bpm\.vault\b/, 'pm.vault'],
  [/\bpm\.visualizer\b/, 'pm.visualizer'],
  [/\bpm\.execution\b/, 'pm.execution'],
  [/\brequire\s*\(/, 'require()'],
  [/\bsetInterval\s*\(/, 'setInterval()'],
  [/\.jsonSchema\s*\(/, 'jsonSchema()'],
];

const execText = (event: Record<string, unknown>): string => {
  const exec = isRecord(event.script) ? event.script.exec : undefined;
  return (typeof exec === 'string' ? [exec] : arr(exec).map((line) => str(line))).join('\n');
};

/**
 * An item's (or the collection's) prerequest and test events as Courier scripts. exec is an array of
 * lines or, as the schema also allows, one string. What cannot run is named in a warning: other events, and calls
 * the sandbox refuses (the script is kept whole; it fails at that call, naming it).
 */
function scriptsOf(events: unknown, warn: (message: string) => void): SavedScripts | undefined {
  const scripts: SavedScripts = {};
  for (const event of arr(events).filter(isRecord)) {
    const text = execText(event);
    if (text.trim() === '') continue;
    const listen = str(event.listen);
    const key = listen === 'prerequest' ? 'preRequest' : listen === 'test' ? 'postResponse' : null;
    if (key === null) {
      warn(`The "${listen}" script was not imported: Courier runs pre-request and test (post-response) scripts only.`);
      continue;
    }
    scripts[key] = scripts[key] === undefined ? text : `${scripts[key]}\n${text}`;
    const refused = UNSUPPORTED_CALLS.filter(([pattern]) => pattern.test(text)).map(([, name]) => name);
    if (refused.length > 0) {
      warn(`The ${SCRIPT_NAMES[listen]} uses ${refused.join(', ')}, which Courier scripts do not support yet: it was imported and will stop at that call.`);
    }
  }
  return Object.keys(scripts).length > 0 ? scripts : undefined;
}

function withVariables(own: KeyValue[], inherited: KeyValue[]): KeyValue[] {
  const names = new Set(own.map((variable) => variable.name));
  return [...own, ...inherited.filter((variable) => !names.has(variable.name))];
}

interface Inherited {
  auth: RequestAuthInput | null;
  variables: KeyValue[];
  behaviour: Record<string, unknown>;
}

function convertItem(raw: Record<string, unknown>, parentPath: string[], parent: Inherited, warnings: Warnings): ImportedItem {
  const { auth: inherited, variables: inheritedVariables } = parent;
  const name = str(raw.name, 'Untitled');
  const path = [...parentPath, name];
  const scripts = scriptsOf(raw.event, (message) => warnings.add(path, message));
  // folder and item variables: Courier has them on requests only, where they also take precedence
  const variablesHere = withVariables(keyValues(raw.variable), inheritedVariables);
  const ownAuth = postmanAuth(raw.auth ?? (isRecord(raw.request) ? raw.request.auth : undefined), (message) => warnings.add(path, message));
  if (typeof ownAuth === 'string') warnings.add(path, `The auth type "${ownAuth}" is not supported; the request has no auth.`);
  const auth = ownAuth === null ? inherited : typeof ownAuth === 'string' ? { kind: 'none' as const } : ownAuth;

  if (Array.isArray(raw.item)) {
    return {
      type: 'folder',
      name,
      description: description(raw.description),
      items: convertItems(raw.item, path, { auth, variables: variablesHere, behaviour: behaviourOf(raw.protocolProfileBehavior, parent.behaviour) }, warnings),
      ...(scripts ? { scripts } : {}),
    };
  }
  const request = typeof raw.request === 'string' ? { url: raw.request, method: 'GET' } : isRecord(raw.request) ? raw.request : null;
  if (!request) {
    throw new ImportFormatError(
      raw.request === undefined
        ? 'it has neither a "request" nor an "item" list of a folder.'
        : `its "request" is ${raw.request === null ? 'null' : `a ${typeof raw.request}`}, not a request or a URL, and it has no "item" list of a folder.`,
    );
  }
  const { url, variables, params } = urlOf(request.url);
  const headers = keyValues(typeof request.header === 'string' ? parseHeaderString(request.header) : request.header).filter(
    (header) => !isComputedHeader(header.name),
  );
  const examples = arr(raw.response)
    .map((example) => (isRecord(example) ? str(example.name) : ''))
    .map((exampleName) => (exampleName ? `"${exampleName}"` : 'unnamed'));
  if (examples.length > 0) {
    warnings.add(
      path,
      `${examples.length} saved example response${examples.length === 1 ? '' : 's'} (${examples.join(', ')}) not imported: Courier has no saved examples yet.`,
    );
  }
  const spec = httpRequestSpecSchema.parse({
    method: str(request.method, 'GET').toUpperCase(),
    url,
    params,
    headers,
    body: bodyOf(request.body, path, warnings),
    // the collection's own auth stays on the collection (requests inherit it); folders' auth is pushed down to
    // their requests; "noauth" stays No auth
    auth: auth ?? { kind: 'inherit' },
    variables: withVariables(variables, variablesHere),
    settings: settingsOf(behaviourOf(raw.protocolProfileBehavior, parent.behaviour), path, warnings),
    ...(scripts ? { scripts } : {}),
  });
  const unsupported = new Set<string>();
  const mapped = mapDynamicVariables(spec, unsupported);
  if (unsupported.size > 0) warnings.add(path, unsupportedDynamicWarning(unsupported));
  return { type: 'request', name, description: description(request.description ?? raw.description), request: mapped };
}

/**
 * A folder's (or the collection's) items, each on its own: one malformed item is left out with a warning naming it,
 * and its siblings are imported.
 */
function convertItems(raw: unknown[], parentPath: string[], parent: Inherited, warnings: Warnings): ImportedItem[] {
  const items: ImportedItem[] = [];
  raw.forEach((child, index) => {
    if (!isRecord(child)) {
      warnings.add([...parentPath, `item ${index + 1}`], `Not imported: it is ${child === null ? 'null' : `a ${typeof child}`}, not a request or a folder.`);
      return;
    }
    const item = convertOrLeaveOut([...parentPath, str(child.name, 'Untitled')], warnings, () => convertItem(child, parentPath, parent, warnings));
    if (item !== null) items.push(item);
  });
  return items;
}

/** Postman Collection v1 (converted to v2.1 first), v2.0 and v2.1. */
export function importPostman(input: Record<string, unknown>): ImportResult {
  const v1 = isPostmanV1(input) ? postmanV1ToV2(input) : null;
  const json = v1 ? v1.collection : input;
  const info = json.info;
  if (!isRecord(info) || !Array.isArray(json.item)) throw new ImportFormatError('This is not a Postman collection: "info" and "item" are required.');
  const version = v1 ? '1' : /v2\.0/.test(str(info.schema)) ? '2.0' : '2.1';
  const warnings = new Warnings();
  for (const note of v1?.notes ?? []) warnings.add(note.path, note.message);
  const collectionAuth = postmanAuth(json.auth, (message) => warnings.add([], message));
  if (typeof collectionAuth === 'string') warnings.add([], `The auth type "${collectionAuth}" is not supported.`);
  const collectionScripts = scriptsOf(json.event, (message) => warnings.add([], `Collection scripts: ${message}`));
  const items = convertItems(json.item, [], { auth: null, variables: [], behaviour: behaviourOf(json.protocolProfileBehavior, {}) }, warnings);
  // a file of which nothing could be read is refused, saying why, rather than imported as an empty collection
  if (json.item.length > 0 && items.length === 0) {
    const first = warnings.list.find((warning) => warning.message.startsWith('Not imported: '));
    throw new ImportFormatError(
      `Nothing in this collection could be imported${first ? `: "${first.item}": ${first.message.slice('Not imported: '.length)}` : '.'}`,
    );
  }
  const collectionDynamic = new Set<string>();
  const collectionVariables = mapDynamicVariables(keyValues(json.variable), collectionDynamic);
  const collectionAuthSpec = mapDynamicVariables(
    requestAuthSchema.parse(collectionAuth === null || typeof collectionAuth === 'string' ? { kind: 'none' } : collectionAuth),
    collectionDynamic,
  );
  if (collectionDynamic.size > 0) warnings.add([], unsupportedDynamicWarning(collectionDynamic));
  return {
    format: 'postman',
    formatLabel: `Postman Collection v${version}`,
    collections: [
      {
        name: str(info.name, 'Postman collection'),
        description: description(info.description),
        variables: collectionVariables,
        auth: collectionAuthSpec,
        ...(collectionScripts ? { scripts: collectionScripts } : {}),
        items,
      },
    ],
    environments: [],
    warnings: warnings.list,
  };
}
