import { describe, expect, it } from 'vitest';
import { httpRequestSpecSchema, importResultSchema } from '../contract';
import { resultAroundRequestsSchema } from './checked-result';

const request = (url: string) => httpRequestSpecSchema.parse({ method: 'GET', url });
const result = () => ({
  format: 'openapi',
  formatLabel: 'OpenAPI 3.0.3',
  collections: [
    {
      name: 'API',
      items: [
        { type: 'request', name: 'a', request: request('/a') },
        { type: 'folder', name: 'f', description: '', items: [{ type: 'request', name: 'b', description: 'B', request: request('/b') }] },
      ],
    },
  ],
  warnings: [],
});

describe('the check around requests already parsed', () => {
  it('gives what the full contract check gives for a result whose requests were parsed as they were made', () => {
    expect(resultAroundRequestsSchema.parse(result())).toEqual(importResultSchema.parse(result()));
  });

  it('still refuses a result whose structure is wrong', () => {
    const noName = result();
    delete (noName.collections[0]!.items[1]!.items![0] as { name?: string }).name;
    expect(resultAroundRequestsSchema.safeParse(noName).success).toBe(false);
    const noRequest = result();
    delete (noRequest.collections[0]!.items[0] as { request?: unknown }).request;
    expect(resultAroundRequestsSchema.safeParse(noRequest).success).toBe(false);
    expect(resultAroundRequestsSchema.safeParse({ ...result(), format: 'nope' }).success).toBe(false);
  });
});
