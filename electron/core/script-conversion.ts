import type { HttpExchange, HttpRequestSpec, KeyValue } from '../../shared/contract';
import type { ScriptRequest, ScriptResponse } from '../services/scripts';

/** the URL as Postman shows it to a script: the enabled query rows are part of it */
function fullUrl(spec: HttpRequestSpec): string {
  const rows = spec.params.filter((row) => row.enabled !== false);
  if (rows.length === 0) return spec.url;
  const query = rows.map((row) => `${encodeURIComponent(row.name)}=${encodeURIComponent(row.value)}`).join('&');
  return `${spec.url}${spec.url.includes('?') ? '&' : '?'}${query}`;
}

const BODY_MODES: Record<HttpRequestSpec['body']['kind'], string> = {
  none: 'none',
  json: 'raw',
  text: 'raw',
  form: 'urlencoded',
  multipart: 'formdata',
  binary: 'file',
  graphql: 'graphql',
};

/** The request as a script sees it: plain data. Only a JSON or text body can be rewritten (Postman's raw mode). */
export function toScriptRequest(spec: HttpRequestSpec): ScriptRequest {
  const body = spec.body;
  return {
    url: fullUrl(spec),
    method: spec.method,
    headers: spec.headers.filter((row) => row.enabled !== false).map((row) => ({ key: row.name, value: row.value })),
    body:
      body.kind === 'none'
        ? null
        : body.kind === 'json' || body.kind === 'text'
          ? { mode: 'raw', raw: body.text, editable: true }
          : { mode: BODY_MODES[body.kind] ?? body.kind, raw: '', editable: false },
  };
}

/** A pre-request script's edits applied to the spec; parts it did not change keep their rows as they were. */
export function applyScriptRequest(spec: HttpRequestSpec, edited: ScriptRequest): HttpRequestSpec {
  const before = toScriptRequest(spec);
  let next = spec;
  if (edited.url !== before.url) next = { ...next, url: edited.url, params: next.params.filter((row) => row.enabled === false) };
  if (edited.method !== before.method) next = { ...next, method: edited.method };
  if (JSON.stringify(edited.headers) !== JSON.stringify(before.headers)) {
    const headers: KeyValue[] = edited.headers.map((h) => ({ name: h.key, value: h.value, enabled: true }));
    next = { ...next, headers: [...headers, ...spec.headers.filter((row) => row.enabled === false)] };
  }
  const body = next.body;
  if (edited.body?.editable && (body.kind === 'json' || body.kind === 'text') && edited.body.raw !== body.text)
    next = { ...next, body: { ...body, text: edited.body.raw } };
  return next;
}

export function toScriptResponse(exchange: HttpExchange, body: string): ScriptResponse {
  return {
    code: exchange.response.status,
    status: exchange.response.statusText,
    headers: exchange.response.headers.map(([key, value]) => ({ key, value })),
    body,
    responseTime: Math.round(exchange.timings.total),
    size: exchange.sizes.responseBodyBytes,
    headerSize: exchange.sizes.responseHeaderBytes,
  };
}
