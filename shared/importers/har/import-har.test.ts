import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importText } from '../import-text';
import { flattenRequests } from '../walk';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8');
const requestsOf = async (text: string) => {
  const result = await importText(text);
  return { result, requests: flattenRequests(result.collections[0]!.items).map((r) => r.request) };
};

describe('HAR: what the request carries outside its URL and headers is kept', () => {
  it('an entry without startedDateTime/time/response imports with a word; queryString[] and cookies[] are merged in', async () => {
    const { result, requests } = await requestsOf(fixture('deep-input'));
    // the first entry has no URL at all: said, not imported; the second has everything but was refused before
    expect(requests).toHaveLength(1);
    const spec = requests[0]!.request;
    expect(spec.method).toBe('POST');
    expect(spec.url).toBe('https://insomnia.rest/foo/bar');
    expect(spec.params).toEqual([{ name: 'foo', value: 'bar', enabled: true }]);
    expect(spec.headers).toEqual([
      { name: 'cookie', value: 'foo=bar; __cfduid=df7b43586f071c4aaa79dc8a9de0845771478571055; _ga=GA1.2.697086801.1478571058', enabled: true },
    ]);
    expect(spec.body).toEqual({ kind: 'text', text: 'hello world!', contentType: 'text/plain' });
    expect(result.warnings.map((w) => `${w.item}: ${w.message}`)).toEqual([
      'entry 1: log.entries[0] has no request with a method and URL; it was not imported.',
      '2. POST /foo/bar: queryString entries not in the URL (foo) were added as query parameters.',
      '2. POST /foo/bar: cookies not in the Cookie header (__cfduid, _ga) were added to it.',
    ]);
  });

  it('a query already in the URL or a cookie already in the header is not added twice', async () => {
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'x', version: '1' },
        entries: [
          {
            request: {
              method: 'GET',
              url: 'https://h.test/a?q=1%202',
              httpVersion: 'HTTP/1.1',
              headers: [{ name: 'Cookie', value: 'a=1' }],
              queryString: [{ name: 'q', value: '1 2' }],
              cookies: [{ name: 'a', value: '1' }],
            },
          },
        ],
      },
    };
    const { result, requests } = await requestsOf(JSON.stringify(har));
    expect(requests[0]!.request.params).toEqual([]);
    expect(requests[0]!.request.headers).toEqual([{ name: 'Cookie', value: 'a=1', enabled: true }]);
    expect(result.warnings).toEqual([
      { item: '1. GET /a', message: 'The entry has no startedDateTime, time, response, cache, timings; only its request is needed, so it was imported.' },
    ]);
  });
});

describe('HAR: a bare request object (no "log") is recognised', () => {
  it('minimal: method and URL, named by its comment', async () => {
    const { result, requests } = await requestsOf(fixture('minimal-input'));
    expect(result.formatLabel).toBe('HAR request');
    expect(requests).toEqual([
      expect.objectContaining({ name: 'My Request', request: expect.objectContaining({ method: 'GET', url: 'https://insomnia.rest/foo/bar' }) }),
    ]);
  });

  it('shallow: params with no MIME type become a form, queryString and cookies are merged', async () => {
    const { result, requests } = await requestsOf(fixture('shallow-input'));
    const spec = requests[0]!.request;
    expect(spec.body).toEqual({ kind: 'form', fields: [{ name: 'foo', value: 'bar', enabled: true }] });
    expect(spec.params).toEqual([{ name: 'foo', value: 'bar', enabled: true }]);
    expect(spec.headers).toEqual([
      { name: 'Cookie', value: '__cfduid=df7b43586f071c4aaa79dc8a9de0845771478571055; _ga=GA1.2.697086801.1478571058', enabled: true },
    ]);
    expect(result.warnings.map((w) => w.item)).toEqual(['POST /foo/bar', 'POST /foo/bar', 'POST /foo/bar']);
  });

  it('form data with a file part: multipart, the file to choose again', async () => {
    const { result, requests } = await requestsOf(fixture('form-data-input'));
    expect(requests[0]!.request.body).toEqual({
      kind: 'multipart',
      parts: [
        { kind: 'file', name: 'file', file: null, enabled: true },
        { kind: 'text', name: 'foo', value: 'bar', enabled: true },
      ],
    });
    expect(result.warnings.map((w) => w.message)).toContain('The file "/home/user/test.txt" of part "file" was not imported; choose it in the Body tab.');
  });
});
