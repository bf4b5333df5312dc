// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { httpRequestSpecSchema, type ImportResult } from '../../../shared/contract';
import { ImportPreview } from './import-preview';

afterEach(cleanup);

const result = (url: string, header: string): ImportResult => ({
  format: 'postman',
  formatLabel: 'Postman Collection v2.1',
  collections: [
    {
      name: 'Imported',
      description: '',
      variables: [{ name: 'region', value: '{{$env.AWS_REGION}}', enabled: true }],
      auth: { kind: 'none' },
      items: [
        {
          type: 'request',
          name: 'Get',
          description: '',
          request: httpRequestSpecSchema.parse({ method: 'GET', url, headers: [{ name: 'X-Key', value: header }] }),
        },
      ],
    },
  ],
  environments: [],
  warnings: [],
});

describe('ImportPreview', () => {
  it('lists every process environment variable the import reads', () => {
    render(<ImportPreview result={result('https://api.example.com/{{$env.HOME}}', '{{$env.AWS_SECRET_ACCESS_KEY}}')} onOpen={() => undefined} />);
    const section = screen.getByRole('region', { name: 'Process environment variables' });
    expect(
      within(section)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['AWS_REGION', 'AWS_SECRET_ACCESS_KEY', 'HOME']);
  });

  it('shows no such section when the import reads none', () => {
    const plain = result('https://api.example.com/x', '{{key}}');
    plain.collections[0]!.variables = [];
    render(<ImportPreview result={plain} onOpen={() => undefined} />);
    expect(screen.queryByRole('region', { name: 'Process environment variables' })).toBeNull();
  });

  it('marks the variables the source calls secret as kept in the vault', () => {
    const environments = [
      {
        name: 'Prod',
        variables: [
          { name: 'baseUrl', value: 'https://p', enabled: true },
          { name: 'apiKey', value: 'k-123', enabled: true, secret: true },
        ],
      },
    ];
    render(<ImportPreview result={{ ...result('https://p', 'x'), environments }} onOpen={() => undefined} />);
    const section = screen.getByRole('region', { name: 'Environments' });
    expect(within(section).getByRole('listitem').textContent).toBe('Prod (baseUrl, apiKey (secret: stored in the vault, not in files))');
    expect(section.textContent).not.toContain('k-123');
  });
});
