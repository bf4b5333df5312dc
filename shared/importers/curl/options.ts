/**
 * The curl options Courier understands, and the ones it knows take a value so that skipping them does not mistake
 * their value for the URL. Names as in `curl --help all` (curl 8).
 */
export type CurlOption =
  | 'request' | 'header' | 'cookie' | 'data' | 'data-raw' | 'data-binary' | 'data-urlencode' | 'json' | 'form' | 'form-string'
  | 'user' | 'basic' | 'digest' | 'oauth2-bearer' | 'insecure' | 'compressed' | 'get' | 'head' | 'location' | 'max-redirs'
  | 'max-time' | 'connect-timeout' | 'user-agent' | 'referer' | 'url';

const SHORT: Record<string, CurlOption> = {
  X: 'request', H: 'header', b: 'cookie', d: 'data', F: 'form', u: 'user', k: 'insecure', G: 'get', I: 'head', L: 'location',
  m: 'max-time', A: 'user-agent', e: 'referer',
};

const LONG_ALIASES: Record<string, CurlOption> = { 'data-ascii': 'data' };

const TAKES_VALUE = new Set<CurlOption>([
  'request', 'header', 'cookie', 'data', 'data-raw', 'data-binary', 'data-urlencode', 'json', 'form', 'form-string', 'user',
  'oauth2-bearer', 'max-redirs', 'max-time', 'connect-timeout', 'user-agent', 'referer', 'url',
]);

const KNOWN = new Set<string>([...TAKES_VALUE, 'basic', 'digest', 'insecure', 'compressed', 'get', 'head', 'location']);

/** Options with a value that Courier ignores; those that change the request are reported. */
const IGNORED_WITH_VALUE_SHORT = new Set(['o', 'x', 'E', 'c', 'D', 'w', 'T', 'r', 'z', 'y', 'Y', 'C', 'K', 'U', 'Q']);
const IGNORED_WITH_VALUE_LONG = new Set([
  'output', 'proxy', 'proxy-user', 'cert', 'key', 'cacert', 'capath', 'cookie-jar', 'dump-header', 'write-out', 'upload-file',
  'range', 'time-cond', 'speed-limit', 'speed-time', 'continue-at', 'config', 'resolve', 'connect-to', 'interface', 'limit-rate',
  'retry', 'retry-delay', 'retry-max-time', 'keepalive-time', 'trace', 'trace-ascii', 'stderr', 'ciphers', 'tls-max', 'pass',
  'key-type', 'cert-type', 'local-port', 'dns-servers', 'unix-socket', 'abstract-unix-socket', 'proto', 'proto-redir',
  'aws-sigv4', 'ntlm-wb', 'netrc-file', 'output-dir', 'variable', 'expect100-timeout', 'happy-eyeballs-timeout-ms',
  'max-filesize', 'preproxy', 'proxy-header', 'request-target', 'sasl-authzid', 'service-name', 'socks5', 'socks4',
]);
/** Flags that only change what curl prints or how it stores output: nothing to carry over, nothing to report. */
const SILENT_FLAGS = new Set([
  's', 'S', 'v', 'i', 'f', 'N', 'g', '#', 'q', 'O', 'J', 'R', 'n', '0', '1', '2', '3', '4', '6',
  'silent', 'show-error', 'verbose', 'include', 'fail', 'fail-with-body', 'no-buffer', 'globoff', 'progress-bar', 'remote-name',
  'remote-header-name', 'remote-time', 'http1.0', 'http1.1', 'http2', 'http2-prior-knowledge', 'http3', 'http3-only', 'path-as-is',
  'tlsv1', 'tlsv1.0', 'tlsv1.1', 'tlsv1.2', 'tlsv1.3', 'ipv4', 'ipv6', 'no-keepalive', 'tcp-nodelay', 'no-progress-meter',
  'create-dirs', 'styled-output', 'no-styled-output', 'disable', 'netrc', 'netrc-optional', 'ssl', 'ssl-reqd', 'raw',
  'tr-encoding', 'no-sessionid', 'no-alpn', 'no-npn', 'ssl-no-revoke', 'ssl-allow-beast', 'anyauth', 'ntlm', 'negotiate',
]);

export type ParsedOption =
  | { kind: 'option'; option: CurlOption; value: string | null; spelled: string }
  | { kind: 'positional'; value: string }
  | { kind: 'ignored'; spelled: string; reported: boolean };

/** Walks curl's argument list: clustered short flags (-sSL), attached values (-XPOST, -H'…'), "--" ends options. */
export function readOptions(args: readonly string[]): ParsedOption[] {
  const out: ParsedOption[] = [];
  let i = 0;
  const takeValue = (): string | null => {
    i += 1;
    return i < args.length ? args[i]! : null;
  };
  while (i < args.length) {
    const arg = args[i]!;
    if (arg === '--') {
      for (const rest of args.slice(i + 1)) out.push({ kind: 'positional', value: rest });
      break;
    }
    if (arg.startsWith('--') && arg.length > 2) {
      let name = arg.slice(2);
      if (name.startsWith('no-') && KNOWN.has(name.slice(3))) {
        // "--no-compressed", "--no-insecure": the default, nothing to do
        out.push({ kind: 'ignored', spelled: arg, reported: false });
        i += 1;
        continue;
      }
      name = LONG_ALIASES[name] ?? name;
      if (KNOWN.has(name)) {
        const option = name as CurlOption;
        out.push({ kind: 'option', option, value: TAKES_VALUE.has(option) ? takeValue() : null, spelled: arg });
      } else if (IGNORED_WITH_VALUE_LONG.has(name)) {
        takeValue();
        out.push({ kind: 'ignored', spelled: arg, reported: !['output', 'dump-header', 'write-out', 'trace', 'trace-ascii', 'stderr', 'output-dir'].includes(name) });
      } else {
        out.push({ kind: 'ignored', spelled: arg, reported: !SILENT_FLAGS.has(name) });
      }
      i += 1;
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let at = 1; at < arg.length; at += 1) {
        const letter = arg[at]!;
        const option = SHORT[letter];
        if (option) {
          if (TAKES_VALUE.has(option)) {
            const attached = arg.slice(at + 1);
            out.push({ kind: 'option', option, value: attached !== '' ? attached : takeValue(), spelled: `-${letter}` });
            break;
          }
          out.push({ kind: 'option', option, value: null, spelled: `-${letter}` });
        } else if (IGNORED_WITH_VALUE_SHORT.has(letter)) {
          if (arg.slice(at + 1) === '') takeValue();
          out.push({ kind: 'ignored', spelled: `-${letter}`, reported: letter !== 'o' && letter !== 'D' && letter !== 'w' });
          break;
        } else {
          out.push({ kind: 'ignored', spelled: `-${letter}`, reported: !SILENT_FLAGS.has(letter) });
        }
      }
      i += 1;
      continue;
    }
    out.push({ kind: 'positional', value: arg });
    i += 1;
  }
  return out;
}
