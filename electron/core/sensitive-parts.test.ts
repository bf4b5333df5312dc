import { describe, expect, it } from 'vitest';
import { httpRequestSpecSchema } from '../../shared/contract';
import { sensitiveParts } from './sensitive-parts';

describe('sensitiveParts', () => {
  it('names headers and query parameters that carry a secret, and where an API key went', () => {
    const spec = httpRequestSpecSchema.parse({
      method: 'GET',
      url: 'https://api.example.com/x?sig=abc-s3cret-def&page=2',
      params: [
        { name: 'token', value: 's3cret' },
        { name: 'off', value: 's3cret', enabled: false },
      ],
      headers: [
        { name: 'X-Custom', value: 'Token s3cret' },
        { name: 'Accept', value: 'application/json' },
        { name: 'X-Key', value: 'plain' },
      ],
    });
    const parts = sensitiveParts(spec, { kind: 'apikey', name: 'X-Key', value: 'plain', in: 'header' }, ['s3cret', 'ab']);
    expect([...parts.headers].sort()).toEqual(['x-custom', 'x-key']);
    expect([...parts.queryParams].sort()).toEqual(['sig', 'token']);
    const query = sensitiveParts(spec, { kind: 'apikey', name: 'api_key', value: 'k', in: 'query' }, []);
    expect(query).toEqual({ headers: [], queryParams: ['api_key'] });
  });
});
