// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VariablesState, VaultStatus } from '../../../shared/contract';
import { BridgeCallError } from '../../lib/bridge';
import { variablesKeys } from '../environments';
import { SaveAsDialog } from './save-as-dialog';

afterEach(cleanup);

function withVault(vault: Partial<VaultStatus>) {
  const client = new QueryClient();
  client.setQueryData(variablesKeys.state, { vault } as unknown as VariablesState);
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  return { client, wrapper };
}

const nameField = () => screen.getByRole<HTMLInputElement>('textbox', { name: 'Request name' });

// Found by the new-user UI pass.
describe('SaveAsDialog', () => {
  it('focuses the suggested name with all of it selected, so typing replaces it', () => {
    const { wrapper } = withVault({ state: 'unlocked' });
    render(<SaveAsDialog open initialName="users-list" nodes={[]} onSave={async () => undefined} onClose={() => undefined} />, { wrapper });
    expect(document.activeElement).toBe(nameField());
    expect([nameField().selectionStart, nameField().selectionEnd]).toEqual([0, 'users-list'.length]);
  });

  it('a save refused for want of the vault offers the vault in place, keeps what was typed, and Save is the way on once it is ready', async () => {
    const { client, wrapper } = withVault({ state: 'uninitialized' });
    const onOpenVault = vi.fn();
    const onSave = vi.fn<(target: { parent: string | null; newCollection: string | null; name: string }) => Promise<void>>();
    onSave.mockRejectedValueOnce(new BridgeCallError({ code: 'VAULT_LOCKED', message: 'The password is kept in the vault, which is not set up.' }));
    onSave.mockResolvedValueOnce(undefined);
    const onClose = vi.fn();
    render(<SaveAsDialog open initialName="users-list" nodes={[]} onSave={onSave} onClose={onClose} onOpenVault={onOpenVault} />, { wrapper });

    fireEvent.change(nameField(), { target: { value: 'Private' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const setUp = await screen.findByRole('button', { name: 'Set a vault passphrase…' });
    expect(screen.getByRole('alert').textContent).toContain('not set up');
    fireEvent.click(setUp);
    expect(onOpenVault).toHaveBeenCalledOnce();

    act(() => {
      client.setQueryData<VariablesState>(variablesKeys.state, (state) => ({ ...state!, vault: { state: 'unlocked' } as VaultStatus }));
    });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Set a vault passphrase…' })).toBeNull());
    expect(screen.getByRole('status').textContent).toContain('Press Save');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Save' }));
    expect(nameField().value).toBe('Private');

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onSave).toHaveBeenLastCalledWith({ parent: null, newCollection: 'My collection', name: 'Private' });
  });
});
