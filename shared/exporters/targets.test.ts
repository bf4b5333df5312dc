import { describe, expect, it } from 'vitest';
import { httpRequestSpecSchema } from '../contract';
import { prepareExport } from './prepare';
import { localExport } from './targets';

describe('local export targets', () => {
  it("a HAR file names the app's version as its creator's, not the app's name twice", () => {
    const spec = httpRequestSpecSchema.parse({ method: 'GET', url: 'https://api.example.com/users' });
    const har = JSON.parse(localExport('har', prepareExport(spec, { layers: [] }), spec, 'Users', '1.4.2').text) as { log: { creator: unknown } };
    expect(har.log.creator).toEqual({ name: 'Courier', version: '1.4.2' });
  });
});
