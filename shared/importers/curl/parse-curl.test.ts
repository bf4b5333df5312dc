import { describe, expect, it } from 'vitest';
import { looksLikeCurl, parseCurl } from './parse-curl';

function ok(text: string) {
  const result = parseCurl(text);
  if (!result.ok) throw new Error(result.message);
  return result;
}

const headerMap = (text: string) => Object.fromEntries(ok(text).request.headers.map((h) => [h.name.toLowerCase(), h.value]));

describe('parseCurl: Chromium "Copy as cURL (bash)"', () => {
  const chromeBash = `curl 'https://api.example.com/v1/items?page=2&q=a%20b' \\
  -H 'accept: application/json, text/plain, */*' \\
  -H 'accept-language: en-GB,en;q=0.9' \\
  -H 'authorization: Bearer eyJhbGciOi' \\
  -H 'content-type: application/json' \\
  -b 'session=abc; theme=dark' \\
  -H 'origin: https://app.example.com' \\
  -H 'sec-ch-ua: "Chromium";v="131", "Not_A Brand";v="24"' \\
  -H 'user-agent: Mozilla/5.0 (X11; Linux x86_64)' \\
  --data-raw $'{"name":"O\\'Brien","note":"line1\\nline2","emoji":"\\u00e9"}'`;

  it('reads method, URL, headers, cookies and the JSON body', () => {
    const { request, warnings, flavour } = ok(chromeBash);
    expect(flavour).toBe('bash');
    expect(request.method).toBe('POST');
    expect(request.url).toBe('https://api.example.com/v1/items?page=2&q=a%20b');
    expect(headerMap(chromeBash)['sec-ch-ua']).toBe('"Chromium";v="131", "Not_A Brand";v="24"');
    expect(headerMap(chromeBash).cookie).toBe('session=abc; theme=dark');
    expect(request.body).toEqual({ kind: 'json', text: '{"name":"O\'Brien","note":"line1\nline2","emoji":"é"}' });
    expect(warnings).toEqual([]);
  });

  it('handles -X, --compressed, -k, -L, --max-time and ignores output flags silently', () => {
    const { request, warnings } = ok(`curl -sSL -k --compressed -XPUT --max-time 2.5 --connect-timeout 3 -o out.json 'http://h/x' -d 'a=1'`);
    expect(request.method).toBe('PUT');
    expect(request.settings.verifyTls).toBe(false);
    expect(request.settings.deadlineMs).toBe(2500);
    expect(request.settings.connectTimeoutMs).toBe(3000);
    expect(request.body).toEqual({ kind: 'form', fields: [{ name: 'a', value: '1', enabled: true }] });
    expect(warnings).toEqual([]);
  });
});

describe('parseCurl: Firefox "Copy as cURL"', () => {
  it('reads -X and --data-raw with single quotes and ANSI-C quoting', () => {
    const text = `curl 'https://example.org/api' -X POST -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0' -H 'Accept: */*' -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' -H 'Connection: keep-alive' --data-raw 'user=alice&msg=hello+world%21'`;
    const { request } = ok(text);
    expect(request.method).toBe('POST');
    expect(request.body).toEqual({
      kind: 'form',
      fields: [
        { name: 'user', value: 'alice', enabled: true },
        { name: 'msg', value: 'hello world!', enabled: true },
      ],
    });
  });
  it('keeps urlencoded data as text when re-encoding would change its bytes', () => {
    const { request } = ok(`curl 'https://e.org' --data-raw 'a=%7e&b=c'`);
    expect(request.body).toEqual({ kind: 'text', text: 'a=%7e&b=c', contentType: 'application/x-www-form-urlencoded' });
  });
});

describe('parseCurl: other tools', () => {
  it('reads Safari "Copy as cURL" (-X quoted, --data-binary)', () => {
    const text = "curl 'https://example.com/api/save' \\\n-X 'POST' \\\n-H 'Content-Type: application/json' \\\n-H 'Accept: */*' \\\n--data-binary '{\"a\":1}'";
    const { request } = ok(text);
    expect(request.method).toBe('POST');
    expect(request.body).toEqual({ kind: 'json', text: '{"a":1}' });
  });
  it('reads a Chromium multipart body as bytes, keeping the boundary header', () => {
    const text =
      "curl 'https://h/upload' \\\n  -H 'content-type: multipart/form-data; boundary=----WebKitFormBoundaryabc' \\\n  --data-raw $'------WebKitFormBoundaryabc\\r\\nContent-Disposition: form-data; name=\"a\"\\r\\n\\r\\n1\\r\\n------WebKitFormBoundaryabc--\\r\\n'";
    const { request } = ok(text);
    expect(request.body).toEqual({
      kind: 'text',
      text: '------WebKitFormBoundaryabc\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n------WebKitFormBoundaryabc--\r\n',
      contentType: 'multipart/form-data; boundary=----WebKitFormBoundaryabc',
    });
  });
  it("reads Postman's generated curl (--location, --request, --header, --data)", () => {
    const text =
      "curl --location --request PATCH 'https://api.example.com/items/1' \\\n--header 'Content-Type: application/json' \\\n--header 'Authorization: Bearer {{token}}' \\\n--data '{\"done\": true}'";
    const { request } = ok(text);
    expect(request.method).toBe('PATCH');
    expect(request.settings.followRedirects).toBe(true);
    expect(request.headers[1]).toEqual({ name: 'Authorization', value: 'Bearer {{token}}', enabled: true });
    expect(request.body).toEqual({ kind: 'json', text: '{"done": true}' });
  });
  it('reads a Firefox "Copy as cURL (Windows)" command', () => {
    const text =
      'curl "https://example.org/search?q=caf^%^C3^%^A9" --compressed -H "User-Agent: Mozilla/5.0 (Windows NT 10.0; rv:133.0) Gecko/20100101 Firefox/133.0" -H "Accept: text/html" -H "Cookie: a=1; b=2"';
    const { request, flavour } = ok(text);
    expect(flavour).toBe('cmd');
    expect(request.url).toBe('https://example.org/search?q=caf%C3%A9');
    expect(request.headers.map((h) => h.name)).toEqual(['User-Agent', 'Accept', 'Cookie']);
  });
});

describe('parseCurl: Windows cmd flavour', () => {
  it('reads Chromium cmd output with ^ escapes, ^" quoting and %^ percent signs', () => {
    const text = [
      'curl ^"https://push2.example.com/api/get?fs=m^%^3A0^%^2Bt^%^3A6&x=1^&y=2^" ^',
      '  -H ^"accept: */*^" ^',
      '  -H ^"sec-ch-ua: ^\\^"Google Chrome^\\^";v=^\\^"119^\\^"^" ^',
      '  -H ^"content-type: application/json^" ^',
      '  --data-raw ^"^{^\\^"name^\\^":^\\^"hello world^\\^",^\\^"ids^\\^":^[1,2^]^}^" ^',
      '  --compressed',
    ].join('\r\n');
    const { request, flavour } = ok(text);
    expect(flavour).toBe('cmd');
    expect(request.url).toBe('https://push2.example.com/api/get?fs=m%3A0%2Bt%3A6&x=1&y=2');
    expect(headerMap(text)['sec-ch-ua']).toBe('"Google Chrome";v="119"');
    expect(request.body).toEqual({ kind: 'json', text: '{"name":"hello world","ids":[1,2]}' });
  });
  it('reads the older cmd output that wraps arguments in plain double quotes', () => {
    const text = `curl "https://trello.com/1/cards" --data-binary "^{^\\^"name^\\^":^\\^"hello world^\\^",^\\^"idLabels^\\^":^[^]^}" -H "content-type: application/json" --compressed`;
    const { request } = ok(text);
    expect(request.body).toEqual({ kind: 'json', text: '{"name":"hello world","idLabels":[]}' });
  });
  it('keeps a literal newline written as ^ and two line breaks', () => {
    const { request } = ok('curl ^"http://h/^" -H ^"content-type: text/plain^" --data-raw ^"a^\n\nb^"');
    expect(request.body).toEqual({ kind: 'text', text: 'a\nb', contentType: 'text/plain' });
  });
  it('turns %NAME% into a variable reference', () => {
    expect(headerMap('curl ^"http://h/^" -H ^"Authorization: Bearer %API_TOKEN%^"').authorization).toBe('Bearer {{API_TOKEN}}');
  });
});

describe('parseCurl: bodies, auth and edge cases', () => {
  it('reads multipart parts, files become empty file parts with a warning', () => {
    const { request, warnings } = ok(`curl -F 'name=Ann' -F 'avatar=@/home/me/a.png;type=image/png' --form-string 'raw=@literal' https://h/up`);
    expect(request.method).toBe('POST');
    expect(request.body).toEqual({
      kind: 'multipart',
      parts: [
        { kind: 'text', name: 'name', value: 'Ann', enabled: true },
        { kind: 'file', name: 'avatar', file: null, enabled: true },
        { kind: 'text', name: 'raw', value: '@literal', enabled: true },
      ],
    });
    expect(warnings).toHaveLength(1);
  });
  it('urlencodes --data-urlencode in its four forms and joins several -d with &', () => {
    const { request } = ok(`curl http://h --data-urlencode 'q=a b&c' --data-urlencode '=x y' --data-urlencode 'plain' -d 'z=1' -H 'content-type: text/plain'`);
    expect(request.body).toEqual({ kind: 'text', text: 'q=a+b%26c&x+y&plain&z=1', contentType: 'text/plain' });
  });
  it('-G moves the data into the query', () => {
    const { request } = ok(`curl -G http://h/s?x=1 -d q=cats --data-urlencode 'w=a b'`);
    expect(request.method).toBe('GET');
    expect(request.url).toBe('http://h/s?x=1&q=cats&w=a+b');
    expect(request.body.kind).toBe('none');
  });
  it('reads -u as basic auth, --digest, and --oauth2-bearer', () => {
    expect(ok('curl -u alice:s3cr:et http://h').request.auth).toEqual({ kind: 'basic', username: 'alice', password: 's3cr:et' });
    expect(ok('curl --digest -u bob http://h').request.auth).toEqual({ kind: 'digest', username: 'bob', password: '' });
    expect(ok('curl --oauth2-bearer tok http://h').request.auth).toMatchObject({ kind: 'bearer', token: 'tok' });
  });
  it('--json sets the JSON headers; -I is HEAD; a URL without a scheme gets http://', () => {
    const json = ok(`curl --json '{"a":1}' example.com/x`);
    expect(json.request.url).toBe('http://example.com/x');
    expect(json.request.body).toEqual({ kind: 'json', text: '{"a":1}' });
    expect(headerMap(`curl --json '{"a":1}' example.com/x`).accept).toBe('application/json');
    expect(ok('curl -I https://h').request.method).toBe('HEAD');
  });
  it('turns $VAR and ${VAR} into references but leaves single-quoted $ alone', () => {
    const headers = headerMap(`curl https://h -H "X-Key: $API_KEY" -H "X-B: \${B}" -H 'X-C: $C'`);
    expect(headers['x-key']).toBe('{{API_KEY}}');
    expect(headers['x-b']).toBe('{{B}}');
    expect(headers['x-c']).toBe('$C');
  });
  it('reports options Courier cannot carry, and skips their values', () => {
    const { request, warnings } = ok('curl --proxy http://proxy:3128 --cert me.pem https://h/a');
    expect(request.url).toBe('https://h/a');
    expect(warnings.join(' ')).toMatch(/--proxy/);
    expect(warnings.join(' ')).toMatch(/--cert/);
  });
  it('accepts a "$ " prompt, curl.exe and a full path', () => {
    expect(ok('$ curl https://h').request.url).toBe('https://h');
    expect(ok('curl.exe https://h').request.url).toBe('https://h');
    expect(ok('/usr/bin/curl https://h').request.url).toBe('https://h');
  });
  it('rejects what is not a curl command, has no URL or has an open quote', () => {
    expect(parseCurl('wget https://h')).toMatchObject({ ok: false });
    expect(parseCurl('curl -v')).toMatchObject({ ok: false, message: /no URL/ });
    expect(parseCurl(`curl 'https://h`)).toMatchObject({ ok: false, message: /not closed/ });
    expect(parseCurl('')).toMatchObject({ ok: false });
    expect(parseCurl('https://example.com/curl -H x')).toMatchObject({ ok: false });
    expect(looksLikeCurl('https://example.com/curl is a path')).toBe(false);
    expect(looksLikeCurl('C:\\Windows\\System32\\curl.exe https://h')).toBe(true);
  });
});

describe('parseCurl: several URLs with -T (curl pairs upload files with URLs in order)', () => {
  // curlconverter's multiple_urls fixture
  const command = `curl --data 'fooo=blah' 'http://localhost:28139' --upload-file file.txt 'http://localhost:28139/?params=perurltoo' --upload-file myfile.jpg 'http://localhost:28139' --next http://localhost:28139 --data 'different=data&time=now'`;

  it('gives the first -T to the first URL, the second to the second, none to the third', () => {
    const { requests } = ok(command);
    expect(requests.map(({ request }) => `${request.method} ${request.url} ${request.body.kind}`)).toEqual([
      // what curl 8.2.1 sent: PUT to the URL with the file's name, the -d data as the body
      'PUT http://localhost:28139/file.txt form',
      'PUT http://localhost:28139/?params=perurltoo form',
      // no -T left for the third URL: the -d data is POSTed
      'POST http://localhost:28139 form',
      'POST http://localhost:28139 form',
    ]);
    expect(requests[0]!.warnings).toEqual(['Both -T "file.txt" and -d were given: curl sends the -d data as the body of this PUT, not the file.']);
    expect(requests[1]!.warnings[0]).toContain('"myfile.jpg"');
    expect(requests[2]!.warnings).toEqual([]);
  });

  it('a -T without -d is still the file to choose', () => {
    const { requests } = ok(`curl -T a.bin https://h.example/up/ -T b.bin https://h.example/up/`);
    expect(requests.map(({ request }) => `${request.method} ${request.url} ${request.body.kind}`)).toEqual([
      'PUT https://h.example/up/a.bin binary',
      'PUT https://h.example/up/b.bin binary',
    ]);
  });
});
