import type { EventName } from '../../shared/contract';

export type CourierEventListener = (event: EventName, payload: unknown) => void;

/** Fan-out of service events to whichever host is listening; a throwing listener does not starve the others. */
export function createEventHub(onListenerError: (error: unknown) => void) {
  const listeners = new Set<CourierEventListener>();
  return {
    emit(event: EventName, payload: unknown): void {
      for (const listener of [...listeners]) {
        try {
          listener(event, payload);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    subscribe(listener: CourierEventListener): () => void {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    clear(): void {
      listeners.clear();
    },
  };
}
