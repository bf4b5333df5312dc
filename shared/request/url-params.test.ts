import { describe, expect, it } from 'vitest';
import {
  buildUrlFromParams,
  decodeQueryComponent,
  encodeQueryComponent,
  paramsFromUrl,
  parseQuery,
  splitUrl,
  syncParamsFromUrl,
  type ParamRow,
} from './url-params';

function ids() {
  let n = 0;
  return () => `id${++n}`;
}

const simple = (rows: ParamRow[]) => rows.map(({ name, value, enabled }) => ({ name, value, enabled }));

describe('splitUrl', () => {
  it('separates base, query and fragment', () => {
    expect(splitUrl('https://x.test/a?b=1#frag')).toEqual({ base: 'https://x.test/a', query: 'b=1', fragment: '#frag' });
  });
  it('has a null query without "?", and an empty one with a bare "?"', () => {
    expect(splitUrl('https://x.test/a').query).toBeNull();
    expect(splitUrl('https://x.test/a?').query).toBe('');
  });
  it('does not treat "?" inside the fragment as a query', () => {
    expect(splitUrl('https://x.test/#/route?x=1')).toEqual({ base: 'https://x.test/', query: null, fragment: '#/route?x=1' });
  });
  it('ignores "?" and "#" inside {{variables}}', () => {
    expect(splitUrl('{{base?}}/a?k={{v#1}}')).toEqual({ base: '{{base?}}/a', query: 'k={{v#1}}', fragment: '' });
  });
});

describe('URL → params', () => {
  it('parses pairs in order, keeping repeated keys', () => {
    expect(simple(paramsFromUrl('http://x/?a=1&b=2&a=3', ids()))).toEqual([
      { name: 'a', value: '1', enabled: true },
      { name: 'b', value: '2', enabled: true },
      { name: 'a', value: '3', enabled: true },
    ]);
  });
  it('decodes percent-encoded characters for display but keeps "+" as typed', () => {
    expect(simple(paramsFromUrl('http://x/?q=hello%20world&name=caf%C3%A9&p=a+b'))).toEqual([
      { name: 'q', value: 'hello world', enabled: true },
      { name: 'name', value: 'café', enabled: true },
      { name: 'p', value: 'a+b', enabled: true },
    ]);
  });
  it('leaves invalid percent sequences as typed', () => {
    expect(decodeQueryComponent('100%zz%E2%82')).toBe('100%zz%E2%82');
  });
  it('handles empty values, keys without "=", "=" inside values and empty segments', () => {
    expect(parseQuery('a=&flag&&x=1=2')).toEqual([
      { name: 'a', value: '', rawName: 'a', rawValue: '' },
      { name: 'flag', value: '', rawName: 'flag', rawValue: null },
      { name: 'x', value: '1=2', rawName: 'x', rawValue: '1=2' },
    ]);
  });
  it('stops at the #fragment', () => {
    expect(simple(paramsFromUrl('http://x/?a=1#b=2'))).toEqual([{ name: 'a', value: '1', enabled: true }]);
  });
  it('leaves {{variables}} untouched, including "&" and "=" inside them', () => {
    expect(simple(paramsFromUrl('{{host}}/s?token={{a&b=c}}&{{key}}={{v%20}}'))).toEqual([
      { name: 'token', value: '{{a&b=c}}', enabled: true },
      { name: '{{key}}', value: '{{v%20}}', enabled: true },
    ]);
  });
  it('keeps disabled rows and reuses ids of enabled rows in order', () => {
    const previous: ParamRow[] = [
      { id: 'r1', name: 'a', value: '1', enabled: true },
      { id: 'r2', name: 'off', value: 'x', enabled: false },
      { id: 'r3', name: 'b', value: '2', enabled: true },
    ];
    const next = syncParamsFromUrl('http://x/?a=10', previous, ids());
    expect(next.map((row) => [row.id, row.name, row.value, row.enabled])).toEqual([
      ['r1', 'a', '10', true],
      ['r2', 'off', 'x', false],
    ]);
    const grown = syncParamsFromUrl('http://x/?a=10&b=2&c=3', next, ids());
    expect(grown.map((row) => [row.id, row.name, row.value])).toEqual([
      ['r1', 'a', '10'],
      ['r2', 'off', 'x'],
      ['id1', 'b', '2'],
      ['id2', 'c', '3'],
    ]);
  });
  it('gives no rows for a URL without a query', () => {
    expect(paramsFromUrl('http://x/path')).toEqual([]);
    expect(paramsFromUrl('http://x/path?')).toEqual([]);
  });
});

describe('params → URL', () => {
  it('writes enabled rows and drops disabled ones, keeping base and fragment', () => {
    const rows: ParamRow[] = [
      { id: '1', name: 'a', value: '1', enabled: true },
      { id: '2', name: 'b', value: '2', enabled: false },
      { id: '3', name: 'c', value: '3', enabled: true },
    ];
    expect(buildUrlFromParams('https://x.test/p?old=1#top', rows)).toBe('https://x.test/p?a=1&c=3#top');
  });
  it('removes "?" when no enabled row is left', () => {
    expect(buildUrlFromParams('https://x.test/p?a=1#f', [{ id: '1', name: 'a', value: '1', enabled: false }])).toBe('https://x.test/p#f');
  });
  it('skips blank rows', () => {
    expect(buildUrlFromParams('http://x/', [{ id: '1', name: '', value: '', enabled: true }])).toBe('http://x/');
  });
  it('encodes characters that would break the query, but not {{variables}}', () => {
    const rows: ParamRow[] = [
      { id: '1', name: 'q', value: 'a b&c#d%e', enabled: true },
      { id: '2', name: 'k=y', value: 'é', enabled: true },
      { id: '3', name: 'v', value: '{{a b&c}}', enabled: true },
      { id: '4', name: 'path', value: '/a/b?c=d', enabled: true },
    ];
    expect(buildUrlFromParams('http://x/', rows)).toBe('http://x/?q=a%20b%26c%23d%25e&k%3Dy=%C3%A9&v={{a b&c}}&path=/a/b?c=d');
  });
  it('writes a "+" typed in the table as %2B, which servers read as "+" (a bare "+" in a query means a space)', () => {
    const rows: ParamRow[] = [
      { id: '1', name: 'q', value: 'a+b', enabled: true },
      { id: '2', name: 'c++', value: '1', enabled: true },
    ];
    const url = buildUrlFromParams('http://x/', rows);
    expect(url).toBe('http://x/?q=a%2Bb&c%2B%2B=1');
    expect(new URL(url).searchParams.get('q')).toBe('a+b');
    // and the table shows what was typed when the URL is read back
    expect(simple(paramsFromUrl(url))).toEqual([
      { name: 'q', value: 'a+b', enabled: true },
      { name: 'c++', value: '1', enabled: true },
    ]);
  });
  it('keeps a "+" typed in the URL bar as typed when another row is edited in the table', () => {
    const rows = paramsFromUrl('http://x/?p=a+b&n=1');
    const edited = rows.map((row) => (row.name === 'n' ? { ...row, value: '2' } : row));
    expect(buildUrlFromParams('http://x/?p=a+b&n=1', edited)).toBe('http://x/?p=a+b&n=2');
  });
  it('writes a key without value as a bare key', () => {
    expect(buildUrlFromParams('http://x/', [{ id: '1', name: 'flag', value: '', enabled: true }])).toBe('http://x/?flag');
  });
  it('round-trips the user\'s own text unchanged (encoded chars, "+", bare keys, empty values, repeats)', () => {
    const urls = [
      'http://x/?q=hello%20world&p=a+b&%41=%41',
      'http://x/?flag&empty=&a=1&a=2',
      'http://x/?token={{token}}&{{k}}={{v}}#frag',
      'http://x/?bad=%zz&utf=caf%C3%A9',
      'http://x/?x=1=2',
    ];
    for (const url of urls) expect(buildUrlFromParams(url, paramsFromUrl(url))).toBe(url);
  });
  it('re-encodes only the row the user edited', () => {
    const rows = paramsFromUrl('http://x/?a=%41&b=%42');
    const edited = rows.map((row) => (row.name === 'b' ? { ...row, value: 'B C' } : row));
    expect(buildUrlFromParams('http://x/?a=%41&b=%42', edited)).toBe('http://x/?a=%41&b=B%20C');
  });
  it('gives a bare key a value once one is typed', () => {
    const rows = paramsFromUrl('http://x/?flag');
    expect(buildUrlFromParams('http://x/?flag', [{ ...rows[0]!, value: 'on' }])).toBe('http://x/?flag=on');
  });
  it('keeps "=" of an emptied value that had one', () => {
    const rows = paramsFromUrl('http://x/?a=1');
    expect(buildUrlFromParams('http://x/?a=1', [{ ...rows[0]!, value: '' }])).toBe('http://x/?a=');
  });
});

describe('encodeQueryComponent', () => {
  it('encodes "=" only in names', () => {
    expect(encodeQueryComponent('a=b', 'name')).toBe('a%3Db');
    expect(encodeQueryComponent('a=b', 'value')).toBe('a=b');
  });
  it('encodes control characters and emoji as UTF-8', () => {
    expect(encodeQueryComponent('\n😀', 'value')).toBe('%0A%F0%9F%98%80');
  });
});
