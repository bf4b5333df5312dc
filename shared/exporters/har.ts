import type { ExportableRequest } from '../contract';
import { noHarResponse, queryStringOf, type Har } from '../har';
import { asWrittenBy } from './auth-slots';
import { renderSlots } from './env-slot';

/** HAR has no variables: what the exporter could not write (secrets) is written as a {{NAME}} reference. */
const asReference = (value: string): string => renderSlots(value, (name) => `{{${name}}}`);

function postData(request: ExportableRequest, text: (value: string) => string): Record<string, unknown> | undefined {
  const body = request.body;
  switch (body.kind) {
    case 'text':
      return { mimeType: body.contentType, text: text(body.text) };
    case 'form': {
      const encode = (value: string) => encodeURIComponent(text(value)).replace(/%20/g, '+');
      return {
        mimeType: 'application/x-www-form-urlencoded',
        text: body.fields.map((field) => `${encode(field.name)}=${encode(field.value)}`).join('&'),
        params: body.fields.map((field) => ({ name: text(field.name), value: text(field.value) })),
      };
    }
    case 'multipart':
      return {
        mimeType: 'multipart/form-data',
        params: body.parts.map((part) => ({
          name: text(part.name),
          ...(part.fileName === null ? { value: text(part.value) } : { fileName: part.fileName, contentType: part.contentType ?? 'application/octet-stream' }),
        })),
      };
    case 'binary':
      return { mimeType: body.contentType, text: '' };
    default:
      return undefined;
  }
}

/**
 * The request part of a HAR entry (what httpsnippet reads too). `text` renders slots: as {{NAME}} in a HAR file,
 * kept as they are for the snippet generator, which turns them into its language's environment lookups.
 */
export function harRequestOf(request: ExportableRequest, text: (value: string) => string = asReference) {
  const url = text(request.url);
  const headers = request.headers.map((header) => ({ name: text(header.name), value: text(header.value) }));
  const data = postData(request, text);
  return {
    method: request.method,
    url,
    httpVersion: 'HTTP/1.1',
    headers,
    queryString: [] as { name: string; value: string }[],
    cookies: [],
    headersSize: -1,
    bodySize: -1,
    ...(data ? { postData: data } : {}),
  };
}

/** HAR 1.2 with one entry per request and no response (status 0, as browsers write a request that got none). */
export function toHar(requests: readonly ExportableRequest[], creatorVersion: string, now = Date.now()): Har {
  return {
    log: {
      version: '1.2',
      creator: { name: 'Courier', version: creatorVersion },
      entries: requests.map((request) => {
        const harRequest = harRequestOf(asWrittenBy('har', request));
        return {
          startedDateTime: new Date(now).toISOString(),
          time: 0,
          request: { ...harRequest, queryString: queryStringOf(harRequest.url) },
          response: noHarResponse(),
          cache: {},
          timings: { send: 0, wait: 0, receive: 0 },
        };
      }),
    },
  };
}
