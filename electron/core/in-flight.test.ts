import { describe, expect, it } from 'vitest';
import { createInFlight } from './in-flight';

describe('in-flight work', () => {
  it('settles once tracked work has finished, failures included, and waits for work started meanwhile', async () => {
    const inFlight = createInFlight();
    const log: string[] = [];
    const later = (ms: number, what: string) => new Promise<string>((resolve) => setTimeout(() => resolve(what), ms)).then((value) => void log.push(value));
    void inFlight.track(later(10, 'first')).then(() => inFlight.track(later(20, 'started meanwhile')));
    await expect(inFlight.track(Promise.reject(new Error('cancelled')))).rejects.toThrow('cancelled');
    await inFlight.settled();
    expect(log).toEqual(['first', 'started meanwhile']);
  });
});

describe('in-flight work that never ends', () => {
  it('is given up after the limit, saying how many are left, so a close goes on', async () => {
    const inFlight = createInFlight();
    void inFlight.track(new Promise(() => undefined));
    await expect(inFlight.settled(30)).rejects.toThrow('1 still running after 30 ms');
  });
});
