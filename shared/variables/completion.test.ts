import { describe, expect, it } from 'vitest';
import { applyCompletion, completionQuery, filterSuggestions, variableSuggestions } from './completion';
import type { VariableLayer } from './types';

const layers: VariableLayer[] = [
  { scope: 'request', label: 'Request', variables: [{ name: 'host', value: 'localhost:3000', secret: false }] },
  {
    scope: 'environment',
    label: 'Staging',
    variables: [
      { name: 'host', value: 'staging.example', secret: false },
      { name: 'token', value: null, secret: true },
      { name: 'apiKey', value: null, secret: true, unavailable: 'locked' },
      { name: 'long', value: 'x'.repeat(200), secret: false },
    ],
  },
  { scope: 'global', label: 'Globals', variables: [{ name: 'userId', value: '42', secret: false }] },
];

describe('variableSuggestions', () => {
  it('lists each name once, the winning definition with its scope, secrets masked', () => {
    const list = variableSuggestions(layers);
    expect(list.slice(0, 5)).toEqual([
      { name: 'host', scope: 'Request', value: 'localhost:3000', secret: false },
      { name: 'token', scope: 'Staging', value: '••••••', secret: true },
      { name: 'apiKey', scope: 'Staging', value: 'locked in the vault', secret: true },
      { name: 'long', scope: 'Staging', value: `${'x'.repeat(59)}…`, secret: false },
      { name: 'userId', scope: 'Globals', value: '42', secret: false },
    ]);
    expect(list.map((s) => s.name)).toContain('$uuid');
  });
});

describe('completionQuery', () => {
  it('finds the {{ the caret is typing a name after', () => {
    expect(completionQuery('https://{{', 10)).toEqual({ start: 8, query: '' });
    expect(completionQuery('https://{{ho/x', 12)).toEqual({ start: 8, query: 'ho' });
    expect(completionQuery('{"a": "{{us"}', 11)).toEqual({ start: 7, query: 'us' });
  });

  it('is nothing outside a reference being typed', () => {
    expect(completionQuery('https://{host', 13)).toBeNull();
    expect(completionQuery('{{host}} x', 10)).toBeNull();
    expect(completionQuery('{{a b', 5)).toBeNull();
    expect(completionQuery('', 0)).toBeNull();
  });
});

describe('filterSuggestions', () => {
  it('puts names starting with the query before names containing it, ignoring case', () => {
    const list = variableSuggestions(layers);
    expect(filterSuggestions(list, 'U').map((s) => s.name)).toEqual(['userId', '$uuid']);
    expect(filterSuggestions(list, 'key').map((s) => s.name)).toEqual(['apiKey']);
    expect(filterSuggestions(list, 'ost').map((s) => s.name)).toEqual(['host']);
    expect(filterSuggestions(list, 'to').map((s) => s.name)).toEqual(['token']);
  });
});

describe('applyCompletion', () => {
  it('closes the reference and puts the caret after it', () => {
    expect(applyCompletion('https://{{ho', 12, { start: 8, query: 'ho' }, 'host')).toEqual({ text: 'https://{{host}}', caret: 16 });
  });

  it('reuses braces already there and replaces the rest of a half-typed name', () => {
    expect(applyCompletion('a {{ho}} b', 5, { start: 2, query: 'h' }, 'host')).toEqual({ text: 'a {{host}} b', caret: 10 });
  });
});
