import type { HttpRequestSpec } from '../contract';
import { DEFAULT_SETTINGS } from '../contract/values';
import { createDraft, createMultipartRow, type RequestDraft } from '../request/draft';
import { createRow } from '../request/rows';
import { buildUrlFromParams, paramsFromUrl, type ParamRow } from '../request/url-params';

/**
 * The builder's form state for a request as it was composed ("Restore to builder"): the inverse of
 * buildRequestSpec and of buildStoredSpec. Params carried separately are folded into the URL, as the builder keeps them; a text body with
 * a content type the builder has no editor for keeps it as an explicit Content-Type header, so re-sending it sends
 * the same thing.
 */
export function draftFromSpec(spec: HttpRequestSpec): RequestDraft {
  let url = spec.url;
  let params: ParamRow[] = paramsFromUrl(url);
  const extra = spec.params.filter((p) => p.enabled !== false && (p.name !== '' || p.value !== ''));
  if (extra.length > 0) {
    params = [...params, ...extra.map((p) => ({ ...createRow({ name: p.name, value: p.value, enabled: true }) }))];
    url = buildUrlFromParams(url, params);
    params = paramsFromUrl(url);
  }
  // Unticked params are not in the URL (it is what gets sent): a stored spec carries them beside it.
  const unticked = spec.params.filter((p) => p.enabled === false && (p.name !== '' || p.value !== ''));
  params = [...params, ...unticked.map((p) => createRow({ name: p.name, value: p.value, enabled: false }))];
  const headers = spec.headers.map((h) => createRow({ name: h.name, value: h.value, enabled: h.enabled !== false }));
  const draft = createDraft({
    method: spec.method,
    url,
    params,
    headers,
    settings: { ...DEFAULT_SETTINGS, ...spec.settings },
    settingTemplates: { ...spec.settingTemplates },
    ...(spec.scripts ? { scripts: { ...spec.scripts } } : {}),
    auth: spec.auth ?? { kind: 'inherit' },
    variables: (spec.variables ?? []).map((v) => createRow({ name: v.name, value: v.value, enabled: v.enabled !== false })),
    tests: spec.tests ?? { assertions: [], captures: [] },
  });
  const body = spec.body;
  switch (body.kind) {
    case 'none':
      break;
    case 'json':
      draft.body = { ...draft.body, kind: 'json', json: body.text };
      break;
    case 'text': {
      const type = (body.contentType ?? 'text/plain').toLowerCase();
      const isXml = /^(application|text)\/([\w.+-]+\+)?xml\b/.test(type);
      if (isXml) draft.body = { ...draft.body, kind: 'xml', xml: body.text };
      else draft.body = { ...draft.body, kind: 'text', text: body.text };
      const builderType = isXml ? 'application/xml' : 'text/plain';
      const hasContentType = headers.some((h) => h.enabled && h.name.trim().toLowerCase() === 'content-type');
      if (type.split(';')[0]!.trim() !== builderType && !hasContentType) {
        draft.headers = [...headers, createRow({ name: 'Content-Type', value: body.contentType ?? 'text/plain', enabled: true })];
      }
      break;
    }
    case 'form':
      draft.body = { ...draft.body, kind: 'form', form: body.fields.map((f) => createRow({ name: f.name, value: f.value, enabled: f.enabled !== false })) };
      break;
    case 'multipart':
      draft.body = {
        ...draft.body,
        kind: 'multipart',
        multipart: body.parts.map((part) =>
          part.kind === 'file'
            ? createMultipartRow({ kind: 'file', name: part.name, file: part.file, enabled: part.enabled !== false })
            : createMultipartRow({ kind: 'text', name: part.name, value: part.value, enabled: part.enabled !== false }),
        ),
      };
      break;
    case 'binary':
      draft.body = { ...draft.body, kind: 'binary', binary: body.file };
      break;
    case 'graphql': {
      const { kind: _kind, ...graphql } = body;
      draft.body = { ...draft.body, kind: 'graphql', graphql };
      break;
    }
  }
  return draft;
}
