import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HttpRequestSpec } from '../../contract';
import { encodeFormComponent } from './form-encoding';
import { parseCurl } from './parse-curl';

/*
 * curlconverter's fixture commands, each with the request curl 8.2.1 really sent for it (fixtures/curlconverter,
 * see its README). Courier's import must send the same method, URL, headers and body. Headers curl adds on its own
 * (Host, its User-Agent and Accept, Content-Length, Expect) are not compared: Courier computes its own.
 */
const dir = join(__dirname, 'fixtures', 'curlconverter');
const names = readdirSync(dir)
  .filter((file) => file.endsWith('.sh'))
  .map((file) => file.slice(0, -3))
  .sort();

/** Where the import differs from curl on purpose; each says why. */
const KNOWN: Record<string, string> = {
  get_charles_syntax: 'sets Host by -H to another host than the URL; Courier sends to the URL host',
  get_with_env_var: '$DO_API_TOKEN imports as the {{DO_API_TOKEN}} reference; curl expanded it (empty) in the capture',
  repeated_query_key: 'host-only URL with a query: curl 8.2.1 sent "GET ?key=…" without the "/"',
  url_query: 'host-only URL with a query: curl 8.2.1 sent "GET ?foo=…" without the "/"',
  url_query_reads_file: 'reads the query from a file, which is asked for',
  // `< \`echo image.jpg\`` makes image.jpg curl's standard input, and `--url-query @-` appends that input, URL-encoded,
  // as the query. The capture ("GET ?@`echo image.jpg`") was taken without a shell, so curl got the literal words;
  // Courier reads the command as a shell would and asks for the file (a warning), sending "GET /" meanwhile.
  redirect_command_url_query: 'the query is the content of image.jpg (stdin via a command substitution), which is asked for; the capture ran without a shell',
};

interface Sent {
  method: string;
  target: string;
  host: string;
  headers: string[];
  body: string | null;
}

/**
 * Headers curl adds itself. A command may give the same one with -H (Accept with curl's own value, or Content-Length:
 * 0): the capture cannot tell them apart, so they are left out of both sides alike.
 */
function curlsOwn(name: string, value: string): boolean {
  return (
    name === 'content-length' ||
    name === 'accept-encoding' ||
    name === 'expect' ||
    (name === 'user-agent' && value.startsWith('curl/')) ||
    (name === 'accept' && value === '*/*')
  );
}

function readSent(raw: string): Sent {
  const text = raw.replace(/\r\n/g, '\n');
  const split = text.indexOf('\n\n');
  const [line, ...headerLines] = text.slice(0, split).split('\n');
  const [method, target] = line!.split(' ');
  const headers: string[] = [];
  let host = '';
  for (const header of headerLines) {
    const colon = header.indexOf(':');
    const name = header.slice(0, colon).toLowerCase();
    const value = header.slice(colon + 1).trim();
    if (name === 'host') host = value;
    else if (!curlsOwn(name, value)) headers.push(`${name}: ${value}`);
  }
  const body = text.slice(split + 2).replace(/\n$/, '');
  return { method: method!, target: target!, host, headers: headers.sort(), body: body === '' ? null : body };
}

function btoa8(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** What Courier would put on the wire for the imported request (the parts curl's capture shows). */
function courierSends(request: HttpRequestSpec): Sent {
  const url = new URL(request.url);
  // Host is the URL's, Accept-Encoding is Courier's own (it always offers gzip, deflate and br)
  const headers = request.headers
    .filter((h) => h.enabled && h.name.toLowerCase() !== 'host' && !curlsOwn(h.name.toLowerCase(), h.value))
    .map((h) => `${h.name.toLowerCase()}: ${h.value}`);
  if (request.auth.kind === 'basic') headers.push(`authorization: Basic ${btoa8(`${request.auth.username}:${request.auth.password}`)}`);
  if (request.auth.kind === 'bearer') headers.push(`authorization: ${request.auth.prefix} ${request.auth.token}`);
  let body: string | null = null;
  const hasType = headers.some((h) => h.startsWith('content-type:'));
  if (request.body.kind === 'form') {
    body = request.body.fields.map((f) => `${encodeFormComponent(f.name)}=${encodeFormComponent(f.value)}`).join('&');
    if (!hasType) headers.push('content-type: application/x-www-form-urlencoded');
  } else if (request.body.kind === 'json' || request.body.kind === 'text') {
    body = request.body.text;
    if (!hasType) headers.push(`content-type: ${request.body.kind === 'json' ? 'application/json' : request.body.contentType}`);
  } else if (request.body.kind === 'binary') body = '<file>';
  // an empty body is no body on the wire (Content-Length: 0), as in curl's capture
  if (body === '') body = null;
  return { method: request.method, target: `${url.pathname}${url.search}`, host: url.host, headers: headers.sort(), body };
}

describe('curl import against what curl sent (curlconverter fixtures)', () => {
  it('has the fixtures', () => expect(names.length).toBeGreaterThanOrEqual(40));
  for (const name of names) {
    const test = KNOWN[name] ? it.skip : it;
    test(name, () => {
      const parsed = parseCurl(readFileSync(join(dir, `${name}.sh`), 'utf8'));
      if (!parsed.ok) throw new Error(parsed.message);
      const sent = readSent(readFileSync(join(dir, `${name}.http`), 'utf8'));
      const ours = courierSends(parsed.requests[0]!.request);
      // a body curl read from a file is asked for, not invented
      if (ours.body === '<file>') ours.body = sent.body;
      expect({ ...ours, target: decodeURI(ours.target) }).toEqual({ ...sent, target: decodeURI(sent.target) });
    });
  }
});
