// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ImportResult, VariablesState, VaultStatus } from '../../../shared/contract';
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
