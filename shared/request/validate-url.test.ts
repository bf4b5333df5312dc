import { describe, expect, it } from 'vitest';
import { normalizeUrl, validateUrl } from './validate-url';

describe('validateUrl', () => {
  it.each([
    'https://api.example.com/users?id=1#x',
    'http://localhost:3000',
    'localhost:3000/path',
    'example.com',
    'http://user:pw@host.test:8080/a',
    'http://[::1]:8080/',
    '{{baseUrl}}/users/{{id}}',
    'https://{{host}}:{{port}}/x',
    'http://x/?q={{a b}}',
    // spaces in the path and query are encoded on send (%20), as browsers, curl and Postman do
    'http://127.0.0.1:8001/get?msg=hello world',
    'http://x/a b/c?q=one two#frag ment',
    'x.test/files/my report.pdf',
    '{{base}}/search?q=a b&already=%20encoded',
  ])('accepts %s', (url) => {
    expect(validateUrl(url)).toBeNull();
  });

  it.each([
    ['', 'Enter a URL, for example https://api.example.com/users.'],
    ['   ', 'Enter a URL, for example https://api.example.com/users.'],
    ['http://exa mple.com', 'The host name "exa mple.com" contains a space, which host names cannot contain.'],
    ['http://exa mple.com/path?q=a b', 'The host name "exa mple.com" contains a space, which host names cannot contain.'],
    ['http://', 'The URL has no host name. Add one, for example http://localhost:3000/path.'],
    ['https:///path', 'The URL has no host name. Add one, for example http://localhost:3000/path.'],
    ['ftp://files.example.com', 'Courier sends http:// and https:// URLs; "ftp://" is not supported.'],
    ['mailto:me@example.com', 'Courier sends http:// and https:// URLs; "mailto:" is not supported.'],
    ['http//example.com', 'The URL is missing ":" after "http". Write it as http://…'],
    ['http:example.com', 'The URL needs "//" after "http:". Write it as http://…'],
    ['http://host:abc/', 'The port "abc" is not a number. Ports are whole numbers from 1 to 65535.'],
    ['http://host:70000/', 'The port 70000 is out of range. Ports are whole numbers from 1 to 65535.'],
    ['http://:8080/', 'The URL has no host name before the port.'],
    ['http://ho^st/', 'The host name "ho^st" contains "^", which host names cannot contain.'],
    ['http://[::1/', 'The IPv6 address in the URL is missing its closing "]".'],
    // a scheme with a character no scheme has is still a scheme, not a host named after it
    ['ht!tp://::::/%%%zz {{ nope', '"ht!tp://" is not a valid scheme. Courier sends http:// and https:// URLs.'],
    ['h ttp://example.com', '"h ttp://" is not a valid scheme. Courier sends http:// and https:// URLs.'],
  ])('rejects %j with a plain message', (url, message) => {
    expect(validateUrl(url)).toBe(message);
  });
});

describe('normalizeUrl', () => {
  it('adds http:// when there is no scheme', () => {
    expect(normalizeUrl(' localhost:3000/a ')).toBe('http://localhost:3000/a');
    expect(normalizeUrl('example.com')).toBe('http://example.com');
  });
  it('leaves URLs with a scheme, and URLs starting with a variable, alone', () => {
    expect(normalizeUrl('https://x.test')).toBe('https://x.test');
    expect(normalizeUrl('{{base}}/x')).toBe('{{base}}/x');
  });
});
