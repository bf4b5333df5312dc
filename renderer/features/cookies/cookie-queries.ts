import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CookieKey } from '../../../shared/contract';
import { call } from '../../lib/bridge';

const cookiesKey = ['cookies'] as const;

/** The jar's cookies, read again each time the dialog opens: every send may have changed them. */
export function useCookies() {
  return useQuery({ queryKey: cookiesKey, queryFn: async () => (await call('cookies.list', {})).cookies, staleTime: 0, refetchOnMount: 'always' });
}

export function useDeleteCookie() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (key: CookieKey) => call('cookies.delete', key),
    onSettled: () => client.invalidateQueries({ queryKey: cookiesKey }),
  });
}

/** one domain's cookies, or every cookie when the domain is undefined */
export function useClearCookies() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (domain: string | undefined) => call('cookies.clear', domain === undefined ? {} : { domain }),
    onSettled: () => client.invalidateQueries({ queryKey: cookiesKey }),
  });
}
