// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { httpRequestSpecSchema, type ImportResult, type VariablesState, type VaultStatus } from '../../../shared/contract';
import { variablesKeys } from '../environments';
import { ImportVaultMessage } from './import-vault-message';

afterEach(cleanup);

const result: ImportResult = {
  format: 'postman',
  formatLabel: 'Postman environment',
  collections: [],
  environments: [
    {
      name: 'Prod',
      variables: [
        { name: 'baseUrl', value: 'https://p', enabled: true },
        { name: 'apiKey', value: 'k-123', enabled: true, secret: true },
        { name: 'blank', value: '', enabled: true, secret: true },
      ],
    },
  ],
  warnings: [],
};

function renderWith(state: VaultStatus['state']) {
  const client = new QueryClient();
  client.setQueryData(variablesKeys.state, { vault: { state } } as unknown as VariablesState);
  const onOpenVault = vi.fn();
  render(
    <QueryClientProvider client={client}>
      <ImportVaultMessage result={result} onOpenVault={onOpenVault} />
    </QueryClientProvider>,
  );
  return { client, onOpenVault };
}

describe('ImportVaultMessage', () => {
  it('with the vault locked, names the secrets that carry a value and offers to unlock; unlocked, it goes', async () => {
    const { client, onOpenVault } = renderWith('locked');
    expect(document.body.textContent).toContain(
      '“Prod / apiKey” is a secret whose value goes into the vault, which is locked. Imported now, it is created without its value.',
    );
    expect(document.body.textContent).not.toContain('blank');
    expect(document.body.textContent).not.toContain('k-123');
    fireEvent.click(screen.getByRole('button', { name: 'Unlock vault…' }));
    expect(onOpenVault).toHaveBeenCalledOnce();
    act(() => {
      client.setQueryData<VariablesState>(variablesKeys.state, (state) => ({ ...state!, vault: { state: 'unlocked' } as VaultStatus }));
    });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Unlock vault…' })).toBeNull());
  });

  it('with no passphrase yet, offers to set one', () => {
    renderWith('uninitialized');
    expect(screen.getByRole('button', { name: 'Set a vault passphrase…' })).toBeTruthy();
  });
});

describe('ImportVaultMessage: typed credentials in the collections', () => {
  const withPassword: ImportResult = {
    format: 'postman',
    formatLabel: 'Postman Collection v2.1',
    collections: [
      {
        name: 'Team',
        description: '',
        variables: [],
        auth: { kind: 'bearer', token: 'collection-token', prefix: 'Bearer' },
        items: [
          {
            type: 'folder',
            name: 'Users',
            description: '',
            items: [
              {
                type: 'request',
                name: 'Login',
                description: '',
                request: httpRequestSpecSchema.parse({ method: 'POST', url: 'https://h/login', auth: { kind: 'basic', username: 'ann', password: 's3cret' } }),
              },
            ],
          },
          {
            type: 'request',
            name: 'Ref',
            description: '',
            request: httpRequestSpecSchema.parse({ method: 'GET', url: 'https://h/ref', auth: { kind: 'bearer', token: '{{token}}', prefix: 'Bearer' } }),
          },
        ],
      },
    ],
    environments: [],
    warnings: [],
  };

  it('names, before Import, the items whose typed credential needs the vault (the import is refused without it)', () => {
    const client = new QueryClient();
    client.setQueryData(variablesKeys.state, { vault: { state: 'locked' } } as unknown as VariablesState);
    render(
      <QueryClientProvider client={client}>
        <ImportVaultMessage result={withPassword} onOpenVault={() => undefined} />
      </QueryClientProvider>,
    );
    expect(document.body.textContent).toContain(
      '“Team” and “Team / Users / Login” hold a typed credential, which is kept in the vault, not in files; the vault is locked. Unlock it before importing: the import is refused without it.',
    );
    expect(document.body.textContent).not.toContain('Ref');
    expect(document.body.textContent).not.toMatch(/s3cret|collection-token/);
    expect(screen.getByRole('button', { name: 'Unlock vault…' })).toBeTruthy();
  });
});
