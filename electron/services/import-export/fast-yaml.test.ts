import { describe, expect, it } from 'vitest';
import { parseLargeYaml } from './fast-yaml';

/** 101 aliases of one anchor: over the yaml package's limit (100), nothing js-yaml would refuse */
const aliases = (anchored: string) => `${anchored}\nmany: [${Array.from({ length: 101 }, () => '*x').join(', ')}]\n`;

describe('YAML for large descriptions', () => {
  it('sends every text that can define an anchor to the parser with an alias limit', () => {
    for (const anchored of ['a: &x [1]', 'a:\n  - &x [1]', 'a: [&x 1]', 'a: {b: &x 1}', 'a: [0,&x 1]', 'a:\t&x [1]', 'a: [0,\n  &x 1]']) {
      expect(() => parseLargeYaml(aliases(anchored)), anchored).toThrow(/alias/i);
    }
  });

  it('reads an ampersand inside a value as text', () => {
    const text = "url: https://example.com/?a=1&b=2\ntitle: Tom&Jerry\nlast: a&\nquoted: 'x & y'\n";
    expect(parseLargeYaml(text)).toEqual({ url: 'https://example.com/?a=1&b=2', title: 'Tom&Jerry', last: 'a&', quoted: 'x & y' });
  });
});
