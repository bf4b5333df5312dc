/**
 * Work still under way that a close must wait for: a send cancelled by the engine's close still records its outcome
 * in history a few ticks later, so history may close only once those sends have settled.
 */
export interface InFlight {
  track<T>(work: Promise<T>): Promise<T>;
  /**
   * Resolves when nothing tracked is running (work started meanwhile included). Gives up after `withinMs`, rejecting
   * with how many are left: a close that waits forever on one stuck send would leave everything after it open.
   */
  settled(withinMs?: number): Promise<void>;
}

export function createInFlight(): InFlight {
  const running = new Set<Promise<unknown>>();
  const allDone = async () => {
    while (running.size > 0) await Promise.allSettled([...running]);
  };
  return {
    track(work) {
      running.add(work);
      const done = () => void running.delete(work);
      work.then(done, done);
      return work;
    },
    async settled(withinMs = Number.POSITIVE_INFINITY) {
      if (!Number.isFinite(withinMs)) return allDone();
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${running.size} still running after ${withinMs} ms; closing went on without them`)), withinMs);
      });
      try {
        await Promise.race([allDone(), gaveUp]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
