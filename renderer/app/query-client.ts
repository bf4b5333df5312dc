import { QueryClient } from '@tanstack/react-query';

/**
 * Commands (sending a request) must never be retried behind the user's back: a retried POST is a second POST.
 * Queries talk to a local process, so a failure is real and retrying only delays the message.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
