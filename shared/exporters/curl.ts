import { type ExportableRequest } from '../contract';
import { splitSlots } from './env-slot';

/** bash: literal runs in single quotes, slots as "$NAME" (expanded by the shell, so the secret stays in the environment). */
function bashWord(text: string): string {
  return splitSlots(text)
    .map((part) =>
      'env' in part ? `"$${part.env}"` : /^[A-Za-z0-9_@%+=:,./-]+$/.test(part.literal) ? part.literal : `'${part.literal.replace(/'/g, `'\\''`)}'`,
    )
    .join('');
}

/**
 * cmd.exe: the quoting Chromium uses for "Copy as cURL (cmd)". Everything not known to be safe is ^-escaped so that
 * cmd.exe never enters its own quote mode, quotes (and the backslashes before them) are escaped again for the C
 * runtime's argument parser, and "%" before a name character gets a caret so cmd does not expand it. Slots are written as %NAME%.
 */
function cmdLiteral(text: string, last: boolean): string {
  // the C runtime's rule: backslashes are literal except before a quote, where they must be doubled
  const crt = text.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\+)$/, last ? '$1$1' : '$1');
  return crt
    .replace(/[^a-zA-Z0-9\s_\-:=+~'/.,?;()*`]/g, '^$&')
    .replace(/%(?=[a-zA-Z0-9_])/g, '%^')
    .replace(/\r?\n/g, '^\n\n');
}

function cmdWord(text: string): string {
  const parts = splitSlots(text);
  const inner = parts.map((part, index) => ('env' in part ? `%${part.env}%` : cmdLiteral(part.literal, index === parts.length - 1))).join('');
  return `^"${inner}^"`;
}

function bodyArgs(request: ExportableRequest): string[][] {
  const body = request.body;
  switch (body.kind) {
    case 'none':
      return [];
    case 'text':
      return [['--data-raw', body.text]];
    case 'form':
      return body.fields.map((field) => ['--data-urlencode', `${field.name}=${field.value}`]);
    case 'multipart':
      return body.parts.map((part) =>
        part.fileName === null
          ? ['--form-string', `${part.name}=${part.value}`]
          : ['-F', `${part.name}=@${part.fileName}${part.contentType ? `;type=${part.contentType}` : ''}`],
      );
    case 'binary':
      return [['--data-binary', `@${body.fileName ?? 'file'}`]];
  }
}

function impliedMethod(request: ExportableRequest): string {
  return request.body.kind === 'none' ? 'GET' : 'POST';
}

function hasHeader(request: ExportableRequest, name: string): boolean {
  return request.headers.some((header) => header.name.toLowerCase() === name);
}

/** curl arguments after "curl", each an unquoted string; quoting is the shell's business. */
function curlArguments(request: ExportableRequest): string[][] {
  const args: string[][] = [];
  if (request.method !== impliedMethod(request) || (request.method === 'GET' && request.body.kind !== 'none')) args.push(['-X', request.method]);
  args.push([request.url]);
  for (const header of request.headers) args.push(['-H', header.value === '' ? `${header.name};` : `${header.name}: ${header.value}`]);
  // curl's own Content-Type for -d is urlencoded; the body's real type must be said when no header does
  if (request.body.kind === 'text' && !hasHeader(request, 'content-type')) args.push(['-H', `Content-Type: ${request.body.contentType}`]);
  if (request.body.kind === 'binary' && !hasHeader(request, 'content-type')) args.push(['-H', `Content-Type: ${request.body.contentType}`]);
  if (request.auth) {
    if (request.auth.kind === 'digest') args.push(['--digest']);
    args.push(['-u', `${request.auth.username}:${request.auth.password}`]);
  }
  args.push(...bodyArgs(request));
  if (request.insecure) args.push(['-k']);
  return args;
}

/** "curl -X PUT 'url'" on the first line, then one option per line, as browsers' "Copy as cURL" writes it. */
function layout(request: ExportableRequest, word: (text: string) => string, continuation: string): string {
  const args = curlArguments(request);
  const groups = args.map((group) => group.map((text) => (/^-[-A-Za-z0-9]*$/.test(text) ? text : word(text))).join(' '));
  // the URL is the only group of one word that is not a flag
  const urlAt = args.findIndex((group) => group.length === 1 && !group[0]!.startsWith('-'));
  const head = ['curl', ...groups.slice(0, urlAt + 1)].join(' ');
  return [head, ...groups.slice(urlAt + 1)].join(continuation);
}

/** A curl command for bash (or zsh). */
export function toCurlBash(request: ExportableRequest): string {
  return layout(request, bashWord, ' \\\n  ');
}

/** A curl command for Windows cmd.exe, with ^ continuations. */
export function toCurlCmd(request: ExportableRequest): string {
  return layout(request, cmdWord, ' ^\n  ');
}
