import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../lib/bridge';

const allowedEnvKey = ['variables', 'allowedEnv'] as const;

/** The process environment names {{$env.NAME}} may read, as the main process keeps them. */
export function useAllowedEnv() {
  return useQuery({ queryKey: allowedEnvKey, queryFn: async () => (await call('variables.allowedEnv', {})).allowed });
}

export function useAllowEnv() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (names: string[]) => call('variables.allowEnv', { names }),
    onSuccess: ({ allowed }) => client.setQueryData(allowedEnvKey, allowed),
  });
}

export function useRevokeEnv() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => call('variables.revokeEnv', { names: [name] }),
    onSuccess: ({ allowed }) => client.setQueryData(allowedEnvKey, allowed),
  });
}
