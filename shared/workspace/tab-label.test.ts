import { describe, expect, it } from 'vitest';
import { nameOfUrl } from './tab-label';
import { UNTITLED } from './tabs';

describe('a tab named by its URL', () => {
  it('leaves out the scheme, and a long host or one with a port', () => {
    expect(nameOfUrl('https://service.internal.example.com/users')).toBe('/users');
    expect(nameOfUrl('http://localhost/users')).toBe('localhost/users');
    expect(nameOfUrl('http://127.0.0.1:8080/users?x=1')).toBe('/users?x=1');
    expect(nameOfUrl('  ')).toBe(UNTITLED);
  });

  it('shows the path, not the raw {{variable}}, when the host is a variable', () => {
    expect(nameOfUrl('{{host}}/x')).toBe('/x');
    expect(nameOfUrl('https://{{host}}/users/1')).toBe('/users/1');
    expect(nameOfUrl('{{baseUrl}}')).toBe('{{baseUrl}}');
  });

  it('a URL that is only a scheme still has a name', () => {
    expect(nameOfUrl('http://')).toBe('http://');
    expect(nameOfUrl('https://')).toBe('https://');
  });
});
