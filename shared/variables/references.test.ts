import { describe, expect, it } from 'vitest';
import { findVariableReferences, isOnlyReferences } from './references';

const names = (text: string): string[] => findVariableReferences(text).map((reference) => reference.name);

describe('findVariableReferences', () => {
  it('finds references with their spans, names trimmed', () => {
    expect(findVariableReferences('a{{ host }}/{{path}}')).toEqual([
      { name: 'host', start: 1, end: 11 },
      { name: 'path', start: 12, end: 20 },
    ]);
  });

  it('keeps extra braces with the surrounding text', () => {
    const text = '{"id":{{{id}}}}';
    const [reference] = findVariableReferences(text);
    expect(reference?.name).toBe('id');
    expect(text.slice(reference!.start, reference!.end)).toBe('{{id}}');
    expect(names('{"a":{{a}}}')).toEqual(['a']);
  });

  it('treats unclosed, empty and brace-filled runs as plain text', () => {
    expect(names('{{open')).toEqual([]);
    expect(names('{{a}')).toEqual([]);
    expect(names('{{ }} {{}}')).toEqual([]);
    expect(names('{{a}b}} {{c}}')).toEqual(['c']);
    expect(names('{{ {{inner}}')).toEqual(['inner']);
    expect(names('{{a\n}}')).toEqual(['a']);
  });

  it('finds dynamic and process environment names', () => {
    expect(names('{{$uuid}}{{$env.HOME}}')).toEqual(['$uuid', '$env.HOME']);
  });
});

describe('isOnlyReferences', () => {
  it('accepts references joined by the allowed filler only', () => {
    expect(isOnlyReferences('{{token}}', /^\s*$/)).toBe(true);
    expect(isOnlyReferences(' {{user}}:{{pass}} ', /^[\s:]*$/)).toBe(true);
    expect(isOnlyReferences('{{user}}x', /^[\s:]*$/)).toBe(false);
    expect(isOnlyReferences('', /^[\s:]*$/)).toBe(false);
    expect(isOnlyReferences('plain', /^[\s:]*$/)).toBe(false);
  });
});
