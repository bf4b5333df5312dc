import { CourierError, type MethodHandlers } from '../../shared/contract';
import { type HistoryService } from '../services/history';

type HistoryMethods = Pick<
  MethodHandlers,
  | 'history.list'
  | 'history.get'
  | 'history.delete'
  | 'history.clear'
  | 'history.pin'
  | 'history.usage'
  | 'history.setRetention'
  | 'history.exportHar'
  | 'history.importHar'
>;

/** The history methods of the contract over the history service (or STORAGE_ERROR when it could not open). */
export function historyHandlers(history: () => HistoryService | null, version: string): HistoryMethods {
  const use = (): HistoryService => {
    const service = history();
    if (service === null) throw new CourierError('STORAGE_ERROR', 'History is unavailable this session; see the notice shown at startup.');
    return service;
  };
  return {
    'history.list': async ({ filter, offset, limit }) => use().list(filter, offset, limit),
    'history.get': ({ id }) => use().get(id),
    'history.delete': async (selection) => ({ deleted: await use().delete(selection) }),
    'history.clear': async () => ({ deleted: await use().clear() }),
    'history.pin': async ({ id, pinned }) => use().pin(id, pinned),
    'history.usage': async () => use().usage(),
    'history.setRetention': (retention) => use().setRetention(retention),
    'history.exportHar': (selection) => use().exportHar(selection, version),
    'history.importHar': async ({ text }) => use().importHar(text),
  };
}
