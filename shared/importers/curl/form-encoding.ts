/** application/x-www-form-urlencoded as the engine writes it (URLSearchParams): only * - . _ and alphanumerics stay. */
export function encodeFormComponent(text: string): string {
  let out = '';
  for (const char of text) {
    if (char === ' ') out += '+';
    else if (/^[A-Za-z0-9*\-._]$/.test(char)) out += char;
    else out += encodeURIComponent(char).replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  }
  return out;
}

function decodeFormComponent(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/**
 * The fields of a urlencoded body, but only when writing them back gives the very same bytes: otherwise the body is
 * kept as text, because servers that sign bodies (and curl itself) see the bytes, not the fields.
 */
export function decodeFormExactly(data: string): { name: string; value: string }[] | null {
  if (data === '') return null;
  const fields: { name: string; value: string }[] = [];
  for (const pair of data.split('&')) {
    const at = pair.indexOf('=');
    if (at <= 0) return null;
    const name = decodeFormComponent(pair.slice(0, at));
    const value = decodeFormComponent(pair.slice(at + 1));
    if (name === null || value === null) return null;
    fields.push({ name, value });
  }
  const again = fields.map((field) => `${encodeFormComponent(field.name)}=${encodeFormComponent(field.value)}`).join('&');
  return again === data ? fields : null;
}

/**
 * What curl writes for --data-urlencode and --url-query (curl_easy_escape: only A-Z a-z 0-9 - . _ ~ stay, uppercase
 * hex), with a space as "+" in form data.
 */
export function curlEscape(text: string, spaceAsPlus = true): string {
  let out = '';
  for (const char of text) {
    if (/^[A-Za-z0-9\-._~]$/.test(char)) out += char;
    else if (char === ' ' && spaceAsPlus) out += '+';
    else out += encodeURIComponent(char).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  }
  return out;
}
