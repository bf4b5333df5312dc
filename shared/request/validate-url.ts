import { maskVariables } from './variables';

const SUPPORTED_SCHEMES = new Set(['http', 'https']);
// WHATWG forbidden host code points that people actually type by mistake.
const FORBIDDEN_HOST_CHARS = [' ', '#', '%', '/', ':', '<', '>', '?', '@', '[', '\\', ']', '^', '|', '"', '{', '}', '`'];

/**
 * A plain-words reason the URL cannot be sent, or null. Only catches what is obviously wrong before sending; the
 * engine remains the judge (and its INVALID_URL message is shown in the same place). A URL without a scheme is
 * accepted: http:// is assumed, as browsers and curl do.
 */
export function validateUrl(input: string): string | null {
  const url = input.trim();
  if (url === '') return 'Enter a URL, for example https://api.example.com/users.';
  // Variables stand for text we cannot see yet; a digit is valid wherever one could appear (host, port, path).
  // Spaces in the path and query are not a problem: the engine percent-encodes them on send (%20), as browsers,
  // curl and Postman do, and the field keeps what was typed. Only a host name cannot hold one.
  const masked = maskVariables(url, '1');

  if (/^https?\/\//i.test(masked)) {
    const scheme = masked.slice(0, masked.indexOf('/'));
    return `The URL is missing ":" after "${scheme}". Write it as ${scheme.toLowerCase()}://…`;
  }

  // "ht!tp://x": what comes before "://" is meant as a scheme, even with a character no scheme may hold; read as a
  // host name it went out as a DNS lookup of "ht!tp"
  const meantScheme = /^([^/?#]*?):\/\//.exec(masked)?.[1];
  if (meantScheme !== undefined && !/^[A-Za-z][A-Za-z0-9+.-]*$/.test(meantScheme)) {
    return `"${meantScheme}://" is not a valid scheme. Courier sends http:// and https:// URLs.`;
  }

  let rest = masked;
  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):(\/\/)?/.exec(masked);
  if (schemeMatch) {
    const scheme = (schemeMatch[1] ?? '').toLowerCase();
    const afterColon = masked.slice(scheme.length + 1);
    if (schemeMatch[2]) {
      if (!SUPPORTED_SCHEMES.has(scheme)) return `Courier sends http:// and https:// URLs; "${scheme}://" is not supported.`;
      rest = masked.slice(schemeMatch[0].length);
    } else if (/^\d/.test(afterColon) || afterColon === '') {
      // "localhost:3000/x": a host and port with no scheme
      rest = masked;
    } else if (SUPPORTED_SCHEMES.has(scheme)) {
      return `The URL needs "//" after "${scheme}:". Write it as ${scheme}://…`;
    } else {
      return `Courier sends http:// and https:// URLs; "${scheme}:" is not supported.`;
    }
  }

  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  if (hostPort === '') return 'The URL has no host name. Add one, for example http://localhost:3000/path.';

  let host = hostPort;
  let port: string | null = null;
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    if (close === -1) return 'The IPv6 address in the URL is missing its closing "]".';
    host = hostPort.slice(0, close + 1);
    const after = hostPort.slice(close + 1);
    if (after !== '' && !after.startsWith(':')) return 'Unexpected text after the IPv6 address in the URL.';
    port = after === '' ? null : after.slice(1);
  } else {
    const colon = hostPort.indexOf(':');
    if (colon !== -1) {
      host = hostPort.slice(0, colon);
      port = hostPort.slice(colon + 1);
    }
    if (host === '') return 'The URL has no host name before the port.';
    if (/\s/.test(host)) return `The host name "${host}" contains a space, which host names cannot contain.`;
    const bad = FORBIDDEN_HOST_CHARS.find((char) => host.includes(char));
    if (bad) return `The host name "${host}" contains "${bad}", which host names cannot contain.`;
  }
  if (port !== null && port !== '') {
    if (!/^\d+$/.test(port)) return `The port "${port}" is not a number. Ports are whole numbers from 1 to 65535.`;
    const value = Number(port);
    if (value < 1 || value > 65535) return `The port ${port} is out of range. Ports are whole numbers from 1 to 65535.`;
  }
  return null;
}

/** What is sent: trimmed, with http:// added when the user typed no scheme (unless it starts with a variable). */
export function normalizeUrl(input: string): string {
  const url = input.trim();
  if (url === '' || url.startsWith('{{')) return url;
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(url)) return url;
  return `http://${url}`;
}
