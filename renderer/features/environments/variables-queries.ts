import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MethodInputArg, VariablesState, VaultStatus } from '../../../shared/contract';
import { bridge, call } from '../../lib/bridge';

export const variablesKeys = {
  state: ['variables', 'state'] as const,
};

/** Every variable scope (secrets without values) and the vault's state; refreshed by 'variables.changed'. */
export function useVariablesState() {
  return useQuery({
    queryKey: variablesKeys.state,
    queryFn: (): Promise<VariablesState> => call('variables.state', {}),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Keeps the cached variables in step with the main process, whichever window changed them. */
export function useVariablesEvents(): void {
  const client = useQueryClient();
  useEffect(
    () =>
      bridge.subscribe('variables.changed', () => {
        void client.invalidateQueries({ queryKey: variablesKeys.state });
      }),
    [client],
  );
}

type StateMethod = 'variables.saveScope' | 'environments.create' | 'environments.rename' | 'environments.delete' | 'environments.setActive';

/** A mutation whose answer is the new variables state, written straight into the cache. */
export function useVariablesMutation<M extends StateMethod>(method: M) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInputArg<M>) => call(method, input) as Promise<VariablesState>,
    onSuccess: (state) => client.setQueryData(variablesKeys.state, state),
  });
}

type VaultMethod = 'vault.unlock' | 'vault.lock' | 'vault.changePassphrase';

/**
 * A vault command. Its answer is the new vault status, written into the cached state at once; the variables are
 * then refetched, since every secret's state may have changed (locked ⇄ set).
 */
export function useVaultMutation<M extends VaultMethod>(method: M) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInputArg<M>) => call(method, input) as Promise<VaultStatus>,
    onSuccess: (vault) => {
      client.setQueryData<VariablesState>(variablesKeys.state, (state) => (state ? { ...state, vault } : state));
      void client.invalidateQueries({ queryKey: variablesKeys.state });
    },
  });
}

/**
 * Reveals one secret's value. Deliberately not a query or a mutation: the value must not sit in TanStack's caches,
 * only in the component state of whoever asked, for as long as it is shown.
 */
export function revealSecret(scopeId: string, variableId: string): Promise<string> {
  return call('variables.reveal', { scopeId, variableId }).then((result) => result.value);
}
