import type { HttpRequestSpec, ImportedCollection, ImportedItem, SavedScripts } from '../contract';
import { redactStoredCredentials } from '../auth';
import { toPostmanAuth, toPostmanRequestAuth } from '../importers/postman/postman-auth';
import { exportableAuth, exportableHeaderValue } from './export-credentials';
import { toPostmanDynamicVariables } from '../importers/postman/postman-dynamic';
import { postmanTestScript } from './postman-tests';

const SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

function postmanBody(spec: HttpRequestSpec): Record<string, unknown> | undefined {
  const body = spec.body;
  const kv = (rows: { name: string; value: string; enabled: boolean }[]) =>
    rows.map((row) => ({ key: row.name, value: row.value, ...(row.enabled ? {} : { disabled: true }) }));
  switch (body.kind) {
    case 'json':
      return { mode: 'raw', raw: body.text, options: { raw: { language: 'json' } } };
    case 'text':
      return { mode: 'raw', raw: body.text, options: { raw: { language: /xml/.test(body.contentType) ? 'xml' : 'text' } } };
    case 'form':
      return { mode: 'urlencoded', urlencoded: kv(body.fields) };
    case 'multipart':
      return {
        mode: 'formdata',
        formdata: body.parts.map((part) =>
          part.kind === 'text'
            ? { key: part.name, value: part.value, type: 'text', ...(part.enabled ? {} : { disabled: true }) }
            : { key: part.name, type: 'file', src: part.file?.fileName ?? null, ...(part.enabled ? {} : { disabled: true }) },
        ),
      };
    case 'binary':
      return { mode: 'file', file: { src: body.file?.fileName ?? null } };
    default:
      return undefined;
  }
}

/**
 * Postman's url object, with the query split out as Postman itself writes it. Request variables used as a whole path
 * segment are Postman's path variables (":id"), the only request-scope variables it has.
 */
function postmanUrl(spec: HttpRequestSpec): Record<string, unknown> {
  const enabledParams = spec.params.filter((param) => param.enabled);
  let url = spec.url;
  const pathVariables: { key: string; value: string }[] = [];
  for (const variable of spec.variables) {
    const segment = new RegExp(`/\\{\\{${variable.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\}\\}(?=[/?#]|$)`, 'g');
    if (!segment.test(url)) continue;
    url = url.replace(segment, `/:${variable.name}`);
    pathVariables.push({ key: variable.name, value: variable.value });
  }
  const raw = enabledParams.length === 0 ? url : `${url}${url.includes('?') ? '&' : '?'}${enabledParams.map((p) => `${p.name}=${p.value}`).join('&')}`;
  const [beforeHash] = raw.split('#', 1);
  const query = (beforeHash ?? '').includes('?') ? (beforeHash ?? '').slice((beforeHash ?? '').indexOf('?') + 1) : '';
  const sent =
    query === ''
      ? []
      : query.split('&').map((pair) => {
          const at = pair.indexOf('=');
          return at === -1 ? { key: pair, value: null } : { key: pair.slice(0, at), value: pair.slice(at + 1) };
        });
  // unticked params stay out of raw (it is what Postman sends) and are listed as disabled, as Postman writes them
  const unticked = spec.params.filter((param) => !param.enabled).map((param) => ({ key: param.name, value: param.value, disabled: true }));
  const entries = [...sent, ...unticked];
  return {
    raw,
    ...(pathVariables.length > 0 ? { variable: pathVariables } : {}),
    ...(entries.length === 0 ? {} : { query: entries }),
  };
}

/** One request as a Postman item: references kept as they are (Postman's syntax is the same), typed credentials named. */
export function toPostmanItem(name: string, original: HttpRequestSpec, description = ''): Record<string, unknown> {
  const redacted = redactStoredCredentials(original);
  const spec = { ...redacted, auth: exportableAuth(redacted.auth) };
  const auth = toPostmanRequestAuth(spec.auth);
  const body = postmanBody(spec);
  const event = postmanEvents(spec.scripts, postmanTestScript(spec.tests));
  return {
    name,
    ...(event.length > 0 ? { event } : {}),
    request: {
      method: spec.method,
      header: spec.headers.map((header) => ({
        key: header.name,
        value: exportableHeaderValue(header.name, header.value),
        ...(header.enabled ? {} : { disabled: true }),
      })),
      url: postmanUrl(spec),
      ...(body ? { body } : {}),
      ...(auth ? { auth } : {}),
      ...(description ? { description } : {}),
    },
    response: [],
  };
}

/**
 * Scripts as Postman events, so an exported collection runs the same in Postman and newman. A request's Tests-tab
 * rows, written as pm.test lines, follow its own post-response script in the one "test" event Postman has.
 */
function postmanEvents(scripts: SavedScripts | undefined, testLines: string[] = []): Record<string, unknown>[] {
  const lines = (source: string | undefined): string[] => (source && source.trim() !== '' ? source.split('\n') : []);
  const pre = lines(scripts?.preRequest);
  const post = [...lines(scripts?.postResponse), ...testLines];
  return [
    ...(pre.length > 0 ? [{ listen: 'prerequest', script: { type: 'text/javascript', exec: pre } }] : []),
    ...(post.length > 0 ? [{ listen: 'test', script: { type: 'text/javascript', exec: post } }] : []),
  ];
}

function toPostmanItems(items: ImportedItem[]): Record<string, unknown>[] {
  return items.map((item) => {
    if (item.type !== 'folder') return toPostmanItem(item.name, item.request, item.description);
    const event = postmanEvents(item.scripts);
    return {
      name: item.name,
      ...(item.description ? { description: item.description } : {}),
      ...(event.length > 0 ? { event } : {}),
      item: toPostmanItems(item.items),
    };
  });
}

/**
 * A Postman Collection v2.1. Variables marked secret in `secretNames` are written without their value; the others
 * keep theirs.
 */
export function toPostmanCollection(collection: ImportedCollection, secretNames: ReadonlySet<string> = new Set()): string {
  const auth = toPostmanAuth(exportableAuth(redactStoredCredentials({ ...emptySpec(), auth: collection.auth }).auth));
  const collectionEvents = postmanEvents(collection.scripts);
  return JSON.stringify(
    // {{$uuid}} is written as Postman's {{$guid}}, the name the import read it from
    toPostmanDynamicVariables({
      info: { name: collection.name, schema: SCHEMA, ...(collection.description ? { description: collection.description } : {}) },
      item: toPostmanItems(collection.items),
      ...(collectionEvents.length > 0 ? { event: collectionEvents } : {}),
      ...(auth ? { auth } : {}),
      variable: collection.variables.map((variable) => ({
        key: variable.name,
        value: secretNames.has(variable.name) ? '' : variable.value,
        ...(secretNames.has(variable.name) ? { type: 'secret' } : {}),
        ...(variable.enabled ? {} : { disabled: true }),
      })),
    }),
    null,
    2,
  );
}

function emptySpec(): HttpRequestSpec {
  return {
    method: 'GET',
    url: '',
    params: [],
    headers: [],
    body: { kind: 'none' },
    settings: {} as HttpRequestSpec['settings'],
    auth: { kind: 'none' },
    variables: [],
  };
}
