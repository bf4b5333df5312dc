import { startCourierWeb, type CourierWeb } from './courier-web';

/**
 * One Courier started ahead for a worker's next test. Starting one costs a second or more of a test's time (Node
 * loading the server, SQLite, the data folder), while most of a test is spent waiting on the page; so each test
 * takes the server started during the test before it, and the next one starts while this test runs. Every test
 * still gets a server and a data folder no other test has touched: a spare is taken once and stopped by its test.
 */
export interface CourierSpares {
  /** A fresh, never used Courier (the one started ahead when there is one); starts the next test's. */
  take(): Promise<CourierWeb>;
  /** Stops the spare no test took (the worker's last). */
  close(): Promise<void>;
}

export function createCourierSpares(): CourierSpares {
  let spare: Promise<CourierWeb> | null = null;
  const startSpare = (): Promise<CourierWeb> => {
    const started = startCourierWeb();
    // a start that fails is reported by the test that takes it, not as an unhandled rejection in between
    started.catch(() => undefined);
    return started;
  };
  return {
    take() {
      const taken = spare ?? startSpare();
      spare = startSpare();
      return taken;
    },
    async close() {
      const left = spare;
      spare = null;
      if (left) await left.then((courier) => courier.stop()).catch(() => undefined);
    },
  };
}
