import { HTTPSnippet, type HarRequest } from '@readme/httpsnippet';
import { CourierError, type ExportableRequest, type SnippetTargetId } from '../../../shared/contract';
import { harRequestOf, toRustReqwest } from '../../../shared/exporters';
import { renderSnippetSlots } from './snippet-env';

function withAuthHeader(request: ExportableRequest): ReturnType<typeof harRequestOf> {
  const har = harRequestOf(request, (text) => text);
  // some generators (PowerShell) read the body's type only from the headers
  const mimeType = har.postData?.mimeType;
  if (typeof mimeType === 'string' && !har.headers.some((header) => header.name.toLowerCase() === 'content-type')) har.headers.push({ name: 'Content-Type', value: mimeType });
  const auth = request.auth;
  if (auth) {
    // Basic can be written only when both halves are known here; otherwise the whole credential is named
    const literal = !/[\uE000]/.test(auth.username + auth.password);
    const value = auth.kind === 'basic' && literal ? `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` : `${auth.kind === 'basic' ? 'Basic' : 'Digest'} \uE000${auth.kind === 'basic' ? 'BASIC' : 'DIGEST'}_CREDENTIALS\uE001`;
    har.headers.push({ name: 'Authorization', value });
  }
  return har;
}

/** Code for one request in a language, by httpsnippet (@readme/httpsnippet). Runs here: it needs Node's url module. */
export function generateSnippet(request: ExportableRequest, targetId: SnippetTargetId): string {
  if (targetId === 'rust:reqwest') return toRustReqwest(request);
  const [target, client] = targetId.split(':') as [string, string];
  const har = withAuthHeader(request);
  let code: string | (string | false)[] | false;
  try {
    code = new HTTPSnippet(har as unknown as HarRequest).convert(target as never, client) as string | (string | false)[] | false;
  } catch (error) {
    throw new CourierError('INVALID_INPUT', `A ${targetId} snippet could not be written for this request.`, error instanceof Error ? error.message : String(error));
  }
  const text = Array.isArray(code) ? code.filter((part): part is string => part !== false).join('\n\n') : code;
  if (text === false || text === '') throw new CourierError('INVALID_INPUT', `Courier has no ${targetId} code generator.`);
  return renderSnippetSlots(text, target);
}
