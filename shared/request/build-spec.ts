import type { HttpRequestSpec, KeyValue, MultipartPart, RequestBody } from '../contract/http';
import { isBlankRow, type KeyValueRow } from './rows';
import type { BodyDraft, RequestDraft } from './draft';
import { normalizeUrl } from './validate-url';

/** Which rows a spec carries: only what is sent, or (for files and the session) the unticked rows too. */
type Keep = 'enabled' | 'all';

function pairs(rows: readonly KeyValueRow[], trimNames: boolean, keep: Keep = 'enabled'): KeyValue[] {
  return rows
    .filter((row) => (keep === 'all' || row.enabled) && !isBlankRow(row))
    .map((row) => ({ name: trimNames ? row.name.trim() : row.name, value: row.value, enabled: row.enabled }));
}

function enabledPairs(rows: readonly KeyValueRow[], trimNames: boolean): KeyValue[] {
  return pairs(rows, trimNames);
}

export function buildRequestBody(body: BodyDraft, keep: Keep = 'enabled'): RequestBody {
  switch (body.kind) {
    case 'none':
      return { kind: 'none' };
    case 'json':
      return { kind: 'json', text: body.json };
    case 'text':
      return { kind: 'text', text: body.text, contentType: 'text/plain' };
    case 'xml':
      return { kind: 'text', text: body.xml, contentType: 'application/xml' };
    case 'form':
      return { kind: 'form', fields: pairs(body.form, false, keep) };
    case 'multipart':
      return {
        kind: 'multipart',
        parts: body.multipart
          .filter((row) => (keep === 'all' || row.enabled) && (row.name !== '' || row.value !== '' || row.file !== null))
          .map((row): MultipartPart =>
            row.kind === 'file'
              ? { kind: 'file', name: row.name, file: row.file, enabled: row.enabled }
              : { kind: 'text', name: row.name, value: row.value, enabled: row.enabled },
          ),
      };
    case 'binary':
      return { kind: 'binary', file: body.binary };
    case 'graphql':
      return { kind: 'graphql', ...body.graphql };
  }
}

/**
 * The spec sent to the engine. The URL already carries the enabled params (the table edits the URL text), so
 * `params` stays empty; disabled rows and blank rows are left out everywhere.
 */
function hasTemplates(templates: RequestDraft['settingTemplates'] | undefined): boolean {
  return templates !== undefined && Object.values(templates).some((text) => text !== undefined && text.trim() !== '');
}

export function buildRequestSpec(draft: RequestDraft): HttpRequestSpec {
  return {
    method: draft.method.trim(),
    url: normalizeUrl(draft.url),
    params: [],
    headers: enabledPairs(draft.headers, true),
    body: buildRequestBody(draft.body),
    settings: { ...draft.settings },
    ...(hasTemplates(draft.settingTemplates) ? { settingTemplates: { ...draft.settingTemplates } } : {}),
    auth: draft.auth,
    variables: enabledPairs(draft.variables, true),
    // left out when empty, so a request without tests builds (and saves) exactly as before
    ...(draft.tests.assertions.length + draft.tests.captures.length > 0 ? { tests: draft.tests } : {}),
    ...(hasScripts(draft.scripts) ? { scripts: { ...draft.scripts } } : {}),
  };
}

function hasScripts(scripts: RequestDraft['scripts']): boolean {
  return scripts !== undefined && [scripts.preRequest, scripts.postResponse].some((text) => text !== undefined && text.trim() !== '');
}

/**
 * The spec kept in a request file and in the session: what is sent plus the rows the user unticked (params,
 * headers, form fields, multipart parts, variables), each with enabled: false, so they survive save and reopen.
 * Enabled params live in the URL; `params` carries only the unticked ones, which draftFromSpec puts back unticked.
 */
export function buildStoredSpec(draft: RequestDraft): HttpRequestSpec {
  const sent = buildRequestSpec(draft);
  return {
    ...sent,
    params: pairs(
      draft.params.filter((row) => !row.enabled),
      false,
      'all',
    ),
    headers: pairs(draft.headers, true, 'all'),
    body: buildRequestBody(draft.body, 'all'),
    variables: pairs(draft.variables, true, 'all'),
  };
}

/**
 * What the OAuth 2.0 methods need of the draft: its auth settings, its variables and its network settings (TLS,
 * timeouts for the token endpoint). The request line, headers and body play no part in which token is used, so they
 * are left out: the token's status is not asked again as the URL is typed, nor a large body carried across the bridge.
 */
export function buildAuthRequestSpec(draft: Pick<RequestDraft, 'auth' | 'variables' | 'settings'>): HttpRequestSpec {
  return {
    method: 'GET',
    url: '',
    params: [],
    headers: [],
    body: { kind: 'none' },
    settings: { ...draft.settings },
    auth: draft.auth,
    variables: enabledPairs(draft.variables, true),
  };
}
