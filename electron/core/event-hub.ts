import type { EventName, EventPayload } from '../../shared/contract';
import { eventViolation } from './contract-check';

export type CourierEventListener = (event: EventName, payload: unknown) => void;

interface EventHubOptions {
  onListenerError: (error: unknown) => void;
  /** check each payload against the contract (tests); a violation is reported and thrown at the emitting service */
  checkContract?: boolean;
}

/** Fan-out of service events to whichever host is listening; a throwing listener does not starve the others. */
export function createEventHub({ onListenerError, checkContract = false }: EventHubOptions) {
  const listeners = new Set<CourierEventListener>();
  return {
    /** typed at the emitting end: a payload that does not fit its event is a type error where it is built */
    emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
      if (checkContract) {
        const violation = eventViolation(event, payload);
        if (violation) {
          onListenerError(violation);
          throw violation;
        }
      }
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

export type EventHub = ReturnType<typeof createEventHub>;
