import { describe, expect, it } from 'vitest';
import { importText } from './import-text';
import { processEnvReferences } from './env-references';

describe('processEnvReferences', () => {
  it('lists every {{$env.NAME}} a Postman collection and its variables refer to', async () => {
    const collection = {
      info: { name: 'Env', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      variable: [{ key: 'region', value: '{{$env.AWS_REGION}}' }],
      auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{ $env.GITHUB_TOKEN }}' }] },
      item: [
        {
          name: 'Folder',
          item: [
            {
              name: 'Get',
              request: {
                method: 'POST',
                url: 'https://api.example.com/{{$env.HOME}}',
                header: [{ key: 'X-Key', value: 'k={{$env.AWS_SECRET_ACCESS_KEY}}' }],
                body: { mode: 'raw', raw: '{"a":"{{$env.AWS_SECRET_ACCESS_KEY}}","b":"{{notEnv}}"}' },
              },
            },
          ],
        },
      ],
    };
    const result = await importText(JSON.stringify(collection));
    expect(processEnvReferences(result)).toEqual(['AWS_REGION', 'AWS_SECRET_ACCESS_KEY', 'GITHUB_TOKEN', 'HOME']);
  });

  it('finds none in an import without them', async () => {
    const result = await importText("curl -H 'X-Key: {{key}}' https://example.com");
    expect(processEnvReferences(result)).toEqual([]);
  });
});
