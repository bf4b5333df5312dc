/**
 * Work still under way that a close must wait for: a send cancelled by the engine's close still records its outcome
 * in history a few ticks later, so history may close only once those sends have settled.
 */
export interface InFlight {
  track<T>(work: Promise<T>): Promise<T>;
  /** resolves when nothing tracked is running (including work started meanwhile) */
  settled(): Promise<void>;
}

export function createInFlight(): InFlight {
  const running = new Set<Promise<unknown>>();
  return {
    track(work) {
      running.add(work);
      const done = () => void running.delete(work);
      work.then(done, done);
      return work;
    },
    async settled() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
