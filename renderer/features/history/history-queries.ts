import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { HistoryEntry, HistoryFilter, HistorySelection, HistorySummary, HistoryUsage } from '../../../shared/contract';
import { filterKey } from '../../../shared/history-view';
import { bridge, call } from '../../lib/bridge';

/** Rows per 'history.list' call: small enough that the first page of a 100,000-entry store arrives at once. */
export const PAGE_SIZE = 100;

const historyKeys = {
  all: ['history'] as const,
  lists: ['history', 'list'] as const,
  page: (filter: HistoryFilter, page: number) => ['history', 'list', filterKey(filter), page] as const,
  entry: (id: number) => ['history', 'entry', id] as const,
  usage: ['history', 'usage'] as const,
};

export function pageQueryOptions(filter: HistoryFilter, page: number) {
  return {
    queryKey: historyKeys.page(filter, page),
    queryFn: () => call('history.list', { filter, offset: page * PAGE_SIZE, limit: PAGE_SIZE }),
    // The list changes only when the store says so ('history.changed'), so cached pages stay good until then.
    staleTime: Number.POSITIVE_INFINITY,
  };
}

export function useHistoryEntry(id: number | null) {
  return useQuery({
    queryKey: historyKeys.entry(id ?? -1),
    queryFn: (): Promise<HistoryEntry> => call('history.get', { id: id! }),
    enabled: id !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useHistoryUsage() {
  return useQuery({
    queryKey: historyKeys.usage,
    queryFn: (): Promise<HistoryUsage> => call('history.usage', {}),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

function refreshAfterChange(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: historyKeys.lists });
  void client.invalidateQueries({ queryKey: historyKeys.usage });
}

/**
 * Keeps cached history in step with the store: every 'history.changed' event marks the lists and usage stale (only
 * the pages on screen refetch), a pin updates the open entry in place, and a burst of events (an import, retention)
 * costs one refetch. No polling.
 */
export function useHistoryEvents(): void {
  const client = useQueryClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = bridge.subscribe('history.changed', (event) => {
      if (event.reason === 'pinned' && event.summary) {
        const summary = event.summary;
        client.setQueryData<HistoryEntry>(historyKeys.entry(summary.id), (entry) => (entry ? { ...entry, summary } : entry));
      }
      if (event.reason === 'deleted' || event.reason === 'cleared' || event.reason === 'retention') {
        void client.invalidateQueries({ queryKey: ['history', 'entry'] });
      }
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        refreshAfterChange(client);
      }, 50);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [client]);
}

export function usePinEntry() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: number; pinned: boolean }): Promise<HistorySummary> => call('history.pin', input),
    onSuccess: (summary) => {
      client.setQueryData<HistoryEntry>(historyKeys.entry(summary.id), (entry) => (entry ? { ...entry, summary } : entry));
      refreshAfterChange(client);
    },
  });
}

export function useDeleteEntries() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (selection: HistorySelection) => call('history.delete', selection),
    onSuccess: () => refreshAfterChange(client),
  });
}

export function useClearHistory() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call('history.clear', { confirm: true }),
    onSuccess: () => refreshAfterChange(client),
  });
}

export function useSetRetention() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (retention: HistoryUsage['retention']) => call('history.setRetention', retention),
    onSuccess: (usage) => {
      client.setQueryData(historyKeys.usage, usage);
      void client.invalidateQueries({ queryKey: historyKeys.lists });
    },
  });
}

export function useImportHar() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => call('history.importHar', { text }),
    onSuccess: () => refreshAfterChange(client),
  });
}

export function useExportHar() {
  return useMutation({ mutationFn: (selection: HistorySelection) => call('history.exportHar', selection) });
}
