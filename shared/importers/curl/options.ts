import { CURL_BOOLEAN_OPTIONS, CURL_PLAIN_FLAGS, CURL_SHORT_OPTIONS, CURL_VALUE_OPTIONS } from './option-table.generated';

/**
 * The curl options Courier carries over. Which options exist and which take a value comes from curl's own table
 * (option-table.generated.ts), so an option Courier does not use never has its value mistaken for the URL.
 */
export type CurlOption =
  | 'request'
  | 'header'
  | 'cookie'
  | 'data'
  | 'data-raw'
  | 'data-binary'
  | 'data-urlencode'
  | 'json'
  | 'form'
  | 'form-string'
  | 'user'
  | 'basic'
  | 'digest'
  | 'oauth2-bearer'
  | 'insecure'
  | 'compressed'
  | 'get'
  | 'head'
  | 'location'
  | 'max-redirs'
  | 'max-time'
  | 'connect-timeout'
  | 'user-agent'
  | 'referer'
  | 'url'
  | 'url-query'
  | 'upload-file'
  | 'range';

const HANDLED = new Set<string>([
  'request',
  'header',
  'cookie',
  'data',
  'data-raw',
  'data-binary',
  'data-urlencode',
  'json',
  'form',
  'form-string',
  'user',
  'basic',
  'digest',
  'oauth2-bearer',
  'insecure',
  'compressed',
  'get',
  'head',
  'location',
  'max-redirs',
  'max-time',
  'connect-timeout',
  'user-agent',
  'referer',
  'url',
  'url-query',
  'upload-file',
  'range',
]);

const ALIASES: Record<string, string> = { 'data-ascii': 'data' };

/** Options that only change what curl prints, where it stores output or how it talks to the terminal: nothing to report. */
const SILENT = new Set([
  'silent',
  'show-error',
  'verbose',
  'include',
  'show-headers',
  'fail',
  'fail-with-body',
  'fail-early',
  'buffer',
  'globoff',
  'progress-bar',
  'progress-meter',
  'remote-name',
  'remote-name-all',
  'remote-header-name',
  'remote-time',
  'http1.0',
  'http1.1',
  'http2',
  'http2-prior-knowledge',
  'http3',
  'http3-only',
  'path-as-is',
  'tlsv1',
  'tlsv1.0',
  'tlsv1.1',
  'tlsv1.2',
  'tlsv1.3',
  'ipv4',
  'ipv6',
  'keepalive',
  'tcp-nodelay',
  'create-dirs',
  'styled-output',
  'disable',
  'netrc',
  'netrc-optional',
  'ssl',
  'ssl-reqd',
  'raw',
  'tr-encoding',
  'sessionid',
  'alpn',
  'npn',
  'ssl-no-revoke',
  'ssl-allow-beast',
  'anyauth',
  'ntlm',
  'negotiate',
  'output',
  'dump-header',
  'write-out',
  'trace',
  'trace-ascii',
  'trace-time',
  'trace-ids',
  'trace-config',
  'stderr',
  'output-dir',
  'cookie-jar',
  'clobber',
  'parallel',
  'parallel-immediate',
  'parallel-max',
  'no-progress-meter',
  'xattr',
  'etag-save',
  'libcurl',
  'skip-existing',
  'out-null',
]);

export type ParsedOption =
  | { kind: 'option'; option: CurlOption; value: string | null; spelled: string }
  | { kind: 'positional'; value: string }
  | { kind: 'next' }
  | { kind: 'ignored'; spelled: string; reported: boolean };

function known(name: string): boolean {
  return CURL_VALUE_OPTIONS.has(name) || CURL_BOOLEAN_OPTIONS.has(name) || CURL_PLAIN_FLAGS.has(name);
}

/** Walks curl's argument list: clustered short flags (-sSL), attached values (-XPOST, -H'…'), "--" ends options. */
export function readOptions(args: readonly string[]): ParsedOption[] {
  const out: ParsedOption[] = [];
  let i = 0;
  const takeValue = (): string | null => {
    i += 1;
    return i < args.length ? args[i]! : null;
  };
  const named = (name: string, spelled: string, value: () => string | null) => {
    if (name === 'next') out.push({ kind: 'next' });
    else if (HANDLED.has(name)) out.push({ kind: 'option', option: name as CurlOption, value: CURL_VALUE_OPTIONS.has(name) ? value() : null, spelled });
    else {
      if (CURL_VALUE_OPTIONS.has(name)) value();
      out.push({ kind: 'ignored', spelled, reported: !SILENT.has(name) });
    }
  };
  while (i < args.length) {
    const arg = args[i]!;
    if (arg === '--') {
      for (const rest of args.slice(i + 1)) out.push({ kind: 'positional', value: rest });
      break;
    }
    if (arg.startsWith('--') && arg.length > 2) {
      const name = ALIASES[arg.slice(2)] ?? arg.slice(2);
      if (name.startsWith('no-') && CURL_BOOLEAN_OPTIONS.has(name.slice(3))) {
        // "--no-compressed", "--no-buffer": a switched-off flag is curl's default or an output matter
        out.push({ kind: 'ignored', spelled: arg, reported: false });
      } else if (known(name)) {
        named(name, arg, takeValue);
      } else {
        out.push({ kind: 'ignored', spelled: arg, reported: !SILENT.has(name) });
      }
      i += 1;
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let at = 1; at < arg.length; at += 1) {
        const letter = arg[at]!;
        const name = CURL_SHORT_OPTIONS[letter];
        if (!name) {
          out.push({ kind: 'ignored', spelled: `-${letter}`, reported: true });
          continue;
        }
        if (CURL_VALUE_OPTIONS.has(name)) {
          const attached = arg.slice(at + 1);
          named(name, `-${letter}`, () => (attached !== '' ? attached : takeValue()));
          break;
        }
        named(name, `-${letter}`, () => null);
      }
      i += 1;
      continue;
    }
    out.push({ kind: 'positional', value: arg });
    i += 1;
  }
  return out;
}
