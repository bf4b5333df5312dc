import { describe, expect, it } from 'vitest';
import { nameOfUrl, repeatSuffixes, tabLabel } from './tab-label';
import { initialTabs, UNTITLED } from './tabs';

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

describe('tabs with the same label', () => {
  const tab = (id: string, url: string, saved?: { path: string; name: string }) => {
    const blank = initialTabs(id).tabs[0]!;
    return { ...blank, path: saved?.path ?? null, name: saved?.name ?? blank.name, draft: { ...blank.draft, url } };
  };
  it('are numbered from the second on, in strip order, so two new tabs on one URL are told apart', () => {
    const tabs = [
      tab('a', 'http://127.0.0.1:9/get'),
      tab('b', 'http://127.0.0.1:9/post'),
      tab('c', 'http://127.0.0.1:9/get'),
      tab('d', 'http://127.0.0.1:9/get'),
      tab('e', '', { path: 'x/login.json', name: 'Login' }),
      tab('f', '', { path: 'y/login.json', name: 'Login' }),
    ];
    const suffixes = repeatSuffixes(tabs);
    expect(tabs.map((t) => tabLabel(t) + (suffixes.get(t.id) ?? ''))).toEqual(['GET /get', 'GET /post', 'GET /get (2)', 'GET /get (3)', 'Login', 'Login (2)']);
  });
});
