import { describe, expect, it } from 'vitest';
import { looksLikeCurl, parseCurl } from './parse-curl';
import { CURL_SHORT_OPTIONS, CURL_VALUE_OPTIONS } from './option-table.generated';
import { importText } from '../import-text';
import { flattenRequests } from '../walk';

function all(text: string) {
  const result = parseCurl(text);
  if (!result.ok) throw new Error(result.message);
  return result.requests.map((r) => ({ method: r.request.method, url: r.request.url }));
}
function one(text: string) {
  const result = parseCurl(text);
  if (!result.ok) throw new Error(result.message);
  expect(result.requests).toHaveLength(1);
  return result.requests[0]!;
}
const header = (text: string, name: string) =>
  one(text)
    .request.headers.filter((h) => h.name.toLowerCase() === name)
    .map((h) => h.value);

describe('parseCurl: what surrounds curl in a paste', () => {
  it('reads a text that starts with a shebang and comment lines', () => {
    const text = '#!/bin/bash\n# fetch the items\n\ncurl -H "Accept: application/json" https://h/items';
    expect(looksLikeCurl(text)).toBe(true);
    expect(all(text)).toEqual([{ method: 'GET', url: 'https://h/items' }]);
  });
  it('reads echo … | curl, taking the piped text as the body curl reads from @-', () => {
    const text = `echo '{"a":1}' | curl -H 'Content-Type: application/json' --data-binary @- https://h/in`;
    expect(looksLikeCurl(text)).toBe(true);
    const { request, warnings } = one(text);
    expect(request.method).toBe('POST');
    expect(request.body).toEqual({ kind: 'json', text: '{"a":1}\n' });
    expect(warnings).toEqual([]);
  });
  it('-d @- drops the line breaks of what it reads, as curl does; <<< feeds stdin too', () => {
    expect(one(`curl -d @- https://h/in <<< 'a=1'`).request.body).toEqual({ kind: 'form', fields: [{ name: 'a', value: '1', enabled: true }] });
  });
  it('leaves redirections out of the arguments', () => {
    expect(all(`curl https://h/a > out.json 2>/dev/null`)).toEqual([{ method: 'GET', url: 'https://h/a' }]);
  });
  it('does not mistake a YAML or JSON text mentioning curl for a command', () => {
    expect(looksLikeCurl('openapi: 3.0.0\ninfo:\n  description: use curl https://h\n')).toBe(false);
    expect(looksLikeCurl('# notes\nsee https://example.com/curl')).toBe(false);
  });
});

describe('parseCurl: several commands in one paste', () => {
  it('splits on line breaks, ";" and "&&", never merging options across commands', () => {
    const text = "curl -X DELETE https://h/a -H 'X-One: 1'\ncurl https://h/b -d x=1; curl https://h/c && curl -I https://h/d";
    const result = parseCurl(text);
    if (!result.ok) throw new Error(result.message);
    expect(result.requests.map((r) => [r.request.method, r.request.url, r.request.headers.map((h) => h.name)])).toEqual([
      ['DELETE', 'https://h/a', ['X-One']],
      ['POST', 'https://h/b', []],
      ['GET', 'https://h/c', []],
      ['HEAD', 'https://h/d', []],
    ]);
  });
  it('splits a command at --next and -:', () => {
    expect(all('curl -d a=1 https://h/post --next https://h/get -: -X PUT https://h/put')).toEqual([
      { method: 'POST', url: 'https://h/post' },
      { method: 'GET', url: 'https://h/get' },
      { method: 'PUT', url: 'https://h/put' },
    ]);
  });
  it('sends the same options to every URL of one command, as curl does', () => {
    expect(all('curl -X PATCH https://h/1 https://h/2')).toEqual([
      { method: 'PATCH', url: 'https://h/1' },
      { method: 'PATCH', url: 'https://h/2' },
    ]);
  });
  it('splits Chromium "Copy all as cURL (cmd)" at " &"', () => {
    const text = 'curl ^"https://h/a^" -H ^"x: 1^" &\r\ncurl ^"https://h/b?p=1^&q=2^" --data-raw ^"z^"';
    expect(all(text)).toEqual([
      { method: 'GET', url: 'https://h/a' },
      { method: 'POST', url: 'https://h/b?p=1&q=2' },
    ]);
  });
  it('skips lines that are not curl with a note', () => {
    const result = parseCurl('export TOKEN=abc\ncurl https://h/a');
    expect(result).toMatchObject({ ok: true, requests: [{ request: { url: 'https://h/a' } }] });
    expect(result.ok && result.warnings.join(' ')).toMatch(/not a curl command/);
  });
});

describe('parseCurl: words and values as curl reads them', () => {
  it('a trailing ";" is not part of the last word', () => {
    expect(all("curl 'https://h/a' -H 'X: 1';")).toEqual([{ method: 'GET', url: 'https://h/a' }]);
    expect(all('curl https://h/a;')).toEqual([{ method: 'GET', url: 'https://h/a' }]);
  });
  it('--json twice concatenates the pieces without a separator', () => {
    expect(one(`curl --json '{"a":1}' --json '{"b":2}' https://h`).request.body).toEqual({ kind: 'json', text: '{"a":1}{"b":2}' });
  });
  it('--url-query takes its value and adds it to the query, encoded as curl does', () => {
    const { request } = one("curl --url-query 'w=a b~*' --url-query '+raw=x%20y' https://h/s?z=1");
    expect(request.url).toBe('https://h/s?z=1&w=a+b~%2A&raw=x%20y');
  });
  it('value-taking options Courier does not use never swallow the URL', () => {
    for (const text of [
      'curl --aws-sigv4 aws:amz:us-east-1:s3 https://h/u',
      'curl --proxy-header "X: y" https://h/u',
      'curl --variable name=v https://h/u',
      'curl --retry-connrefused --retry 3 https://h/u',
      'curl -t TTYPE=vt100 https://h/u',
      'curl --haproxy-clientip 1.2.3.4 https://h/u',
    ])
      expect(all(text)).toEqual([{ method: 'GET', url: 'https://h/u' }]);
  });
  it('the option table comes from curl: every value-taking option and its short letter is there', () => {
    expect(CURL_VALUE_OPTIONS.size).toBeGreaterThan(140);
    for (const name of ['url-query', 'json', 'upload-file', 'range', 'max-time', 'retry', 'expect100-timeout', 'ech'])
      expect(CURL_VALUE_OPTIONS.has(name)).toBe(true);
    expect(CURL_SHORT_OPTIONS[':']).toBe('next');
    expect(CURL_SHORT_OPTIONS.T).toBe('upload-file');
  });
});

describe('parseCurl: files, ranges and cookies', () => {
  it('-T gives PUT, appends the file name to a URL ending in / and asks for the file', () => {
    const { request, warnings } = one('curl -T ./build/report.pdf https://h/files/');
    expect(request.method).toBe('PUT');
    expect(request.url).toBe('https://h/files/report.pdf');
    expect(request.body).toEqual({ kind: 'binary', file: null });
    expect(warnings.join(' ')).toMatch(/report\.pdf.*choose/);
    expect(one('curl --upload-file a.txt https://h').request.url).toBe('https://h/a.txt');
    expect(one('curl -T a.txt https://h/named').request.url).toBe('https://h/named');
  });
  it('-d @file and --data-binary @- keep POST and ask for the file, one warning each', () => {
    const file = one('curl -d @body.json https://h/in');
    expect(file.request.method).toBe('POST');
    expect(file.request.body).toEqual({ kind: 'binary', file: null });
    expect(file.warnings.filter((w) => /body\.json/.test(w))).toHaveLength(1);
    const stdin = one('curl --data-binary @- -H "Content-Type: text/plain" https://h/in');
    expect(stdin.request.method).toBe('POST');
    expect(stdin.warnings.filter((w) => /standard input/.test(w))).toHaveLength(1);
  });
  it('-G with data from a file: the URL gets only the data Courier has, no stray "?" or "&", and the file is asked for', () => {
    const onlyFile = one('curl -G -d @q.txt https://h/q');
    expect(onlyFile.request.url).toBe('https://h/q');
    expect(onlyFile.warnings.join(' ')).toMatch(/q\.txt/);
    expect(one('curl -G -d a=1 -d @q.txt https://h/q').request.url).toBe('https://h/q?a=1');
  });
  it('-r becomes a Range header', () => {
    expect(header('curl -r 0-99 https://h/big', 'range')).toEqual(['bytes=0-99']);
    expect(header('curl --range 100 https://h/big', 'range')).toEqual(['bytes=100-']);
  });
  // what curl 7.88 sent to a local server for each command (lib/http.c, http_range: a custom header wins)
  it('-r: a Range header given with -H wins, as in curl, and the -r range is said to be left out', () => {
    const both = one("curl -r 0-1 -H 'Range: bytes=5-6' https://h/r");
    expect(both.request.headers.filter((h) => h.name.toLowerCase() === 'range').map((h) => h.value)).toEqual(['bytes=5-6']);
    expect(both.warnings.join(' ')).toMatch(/0-1.*left out/);
    expect(header('curl -r 0-3 -X POST https://h/x', 'range')).toEqual(['bytes=0-3']);
    expect(header('curl -r 0-3 -G -d a=1 https://h/g', 'range')).toEqual(['bytes=0-3']);
    expect(header('curl -r 0-3 -I https://h/i', 'range')).toEqual(['bytes=0-3']);
  });
  it('-r with a body: curl sends Content-Range with the body size instead of Range; for a file to choose it says so', () => {
    expect(header('curl -r 0-3 -d abc https://h/d', 'range')).toEqual([]);
    expect(header('curl -r 0-3 -d abc https://h/d', 'content-range')).toEqual(['bytes 0-3/3']);
    expect(header(`curl -r 0-3 --json '{"a":"é"}' https://h/j`, 'content-range')).toEqual(['bytes 0-3/10']);
    expect(header("curl -r 0-3 -d abc -H 'Content-Range: bytes 9-9/9' https://h/dh", 'content-range')).toEqual(['bytes 9-9/9']);
    const upload = one('curl -r 0-3 -T a.txt https://h/t/');
    expect(upload.request.headers.map((h) => h.name.toLowerCase())).not.toContain('range');
    expect(upload.warnings.join(' ')).toMatch(/Content-Range: bytes 0-3\/.*size of the file/);
    // a -F form: curl sends no range header at all
    expect(one('curl -r 0-3 -F a=1 https://h/f').request.headers).toEqual([]);
  });
  it('-b joins its cookies; with -H Cookie curl sends only that header', () => {
    expect(header("curl -b 'a=1' -b 'b=2' https://h", 'cookie')).toEqual(['a=1; b=2']);
    const both = one("curl -b 'a=1' -H 'Cookie: c=3' https://h");
    expect(both.request.headers.filter((h) => h.name.toLowerCase() === 'cookie').map((h) => h.value)).toEqual(['c=3']);
    expect(both.warnings.join(' ')).toMatch(/a=1/);
  });
});

describe('looksLikeCurl on a large file', () => {
  it('reads only up to the first command line, not the whole text (a 58 MB description is checked first)', () => {
    const huge = 'openapi: 3.0.0\n' + 'x: y\n'.repeat(8 * 1024 * 1024);
    huge.indexOf('\n'); // flattens the concatenation first, as a text read from a file already is
    const started = performance.now();
    expect(looksLikeCurl(huge)).toBe(false);
    // splitting 8 M lines took 0.3–1 s; finding the first line takes microseconds (generous for a loaded machine)
    expect(performance.now() - started).toBeLessThan(50);
    expect(looksLikeCurl('\r\n# a comment\r\n\r\ncurl https://example.com\r\n')).toBe(true);
  });
});

describe('parseCurl: command substitutions', () => {
  it('`echo file` after < is the file curl reads as standard input, not a second URL (curlconverter redirect_command_url_query)', () => {
    const result = parseCurl('curl localhost:28139 --url-query @- < `echo image.jpg`');
    if (!result.ok) throw new Error(result.message);
    expect(result.requests.map(({ request }) => `${request.method} ${request.url}`)).toEqual(['GET http://localhost:28139']);
    expect(result.warnings.join(' ')).toContain('--url-query @-');
  });

  it('$(echo …) gives what echo prints; any other substitution stays one word as written', () => {
    const echoed = parseCurl('curl $(echo https://api.example.com/v1)/items');
    const kept = parseCurl('curl https://api.example.com -H "X-Date: 1" -H `date +%s` -d $(cat body.json | jq -c .)');
    if (!echoed.ok || !kept.ok) throw new Error('not parsed');
    expect(echoed.request.url).toBe('https://api.example.com/v1/items');
    expect(kept.requests).toHaveLength(1);
    expect(kept.request.body).toMatchObject({ text: '$(cat body.json | jq -c .)' });
  });
});

describe('importText: a shell script with other lines before curl', () => {
  it('is read as curl, the other lines skipped with a note, rather than refused as "not an object"', async () => {
    const script = '#!/usr/bin/env bash\nset -euo pipefail\nexport TOKEN=abc\ncurl -H "Authorization: Bearer $TOKEN" https://h/a\ncurl https://h/b';
    const result = await importText(script);
    expect(result.format).toBe('curl');
    expect(flattenRequests(result.collections[0]!.items).map((r) => r.request.request.url)).toEqual(['https://h/a', 'https://h/b']);
    expect(result.warnings.map((w) => w.message)).toContain('2 lines that are not a curl command were skipped.');
    // a script whose other lines YAML cannot read at all
    expect((await importText('cd /tmp && echo "a: b: c"\ncurl https://h/c')).format).toBe('curl');
  });
  it('leaves YAML and JSON that only mention curl to their importers or to the "not recognised" error', async () => {
    await expect(importText('title: notes\nbody: |\n  curl https://h/x\n')).rejects.toThrow(/does not recognise/);
    await expect(importText('["curl https://h/x"]')).rejects.toThrow(/does not recognise|not an object/);
  });
});
