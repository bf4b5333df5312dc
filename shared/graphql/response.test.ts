import { describe, expect, it } from 'vitest';
import { formatErrorPath, parseGraphqlResponseText, readGraphqlResponse } from './response';

describe('GraphQL responses', () => {
  it('separates errors (message, locations, path, extensions) from data', () => {
    const view = parseGraphqlResponseText(
      JSON.stringify({
        data: { broken: null },
        errors: [{ message: 'Boom', locations: [{ line: 2, column: 3 }], path: ['user', 'posts', 0, 'title'], extensions: { code: 'X' } }],
      }),
    );
    expect(view).toEqual({
      hasData: true,
      errors: [{ message: 'Boom', locations: [{ line: 2, column: 3 }], path: ['user', 'posts', 0, 'title'], extensions: '{"code":"X"}' }],
    });
    expect(formatErrorPath(['user', 'posts', 0, 'title'])).toBe('user.posts[0].title');
  });

  it('leaves ordinary JSON and non-JSON alone', () => {
    expect(parseGraphqlResponseText('{"id":1}')).toBeNull();
    expect(parseGraphqlResponseText('[1]')).toBeNull();
    expect(parseGraphqlResponseText('<html>')).toBeNull();
    expect(readGraphqlResponse({ data: null })).toEqual({ hasData: true, errors: [] });
  });

  it('copes with malformed error entries', () => {
    expect(readGraphqlResponse({ errors: ['plain', { message: 5, locations: [{ line: 'x' }], path: 'nope' }] })).toEqual({
      hasData: false,
      errors: [
        { message: 'plain', locations: [], path: [], extensions: null },
        { message: '5', locations: [], path: [], extensions: null },
      ],
    });
  });
});
