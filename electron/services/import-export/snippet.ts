import { HTTPSnippet, type HarRequest } from '@readme/httpsnippet';
import { CourierError, type ExportableRequest, type ExportInput, type SnippetTargetId } from '../../../shared/contract';
import { asWrittenBy, exportInputs, harRequestOf, toRustReqwest } from '../../../shared/exporters';
import { renderSnippetSlots } from './snippet-env';

function harFor(request: ExportableRequest): ReturnType<typeof harRequestOf> {
  const har = harRequestOf(request, (text) => text);
  // some generators (PowerShell) read the body's type only from the headers
  const mimeType = har.postData?.mimeType;
  if (typeof mimeType === 'string' && !har.headers.some((header) => header.name.toLowerCase() === 'content-type'))
    har.headers.push({ name: 'Content-Type', value: mimeType });
  return har;
}

/** Code for one request in a language, by httpsnippet (@readme/httpsnippet). Runs here: it needs Node's url module. */
export function generateSnippet(original: ExportableRequest, targetId: SnippetTargetId): { code: string; inputs: ExportInput[] } {
  // Basic and Digest as every header-only target writes them (the rule is in shared/exporters/auth-slots.ts)
  const request = asWrittenBy(targetId, original);
  const inputs = exportInputs(request);
  if (targetId === 'rust:reqwest') return { code: toRustReqwest(original), inputs };
  const [target, client] = targetId.split(':') as [string, string];
  const har = harFor(request);
  let code: string | (string | false)[] | false;
  try {
    code = new HTTPSnippet(har as unknown as HarRequest).convert(target as never, client) as string | (string | false)[] | false;
  } catch (error) {
    throw new CourierError(
      'INVALID_INPUT',
      `A ${targetId} snippet could not be written for this request.`,
      error instanceof Error ? error.message : String(error),
    );
  }
  const text = Array.isArray(code) ? code.filter((part): part is string => part !== false).join('\n\n') : code;
  if (text === false || text === '') throw new CourierError('INVALID_INPUT', `Courier has no ${targetId} code generator.`);
  return { code: renderSnippetSlots(text, target), inputs };
}
