import { describe, expect, it } from 'vitest';
import { DisposableStore, type CloseError } from './disposable-store';

describe('DisposableStore', () => {
  it('closes last added first and waits for each close before the next', async () => {
    const order: string[] = [];
    const store = new DisposableStore({ onError: () => undefined });
    store.add('database', { close: () => void order.push('database') });
    store.add('engine', {
      close: async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        order.push('engine');
      },
    });
    store.onClose('queue', () => void order.push('queue'));
    expect(await store.close()).toEqual([]);
    expect(order).toEqual(['queue', 'engine', 'database']);
  });

  it('runs every close when some throw or reject, and reports each failure by name', async () => {
    const order: string[] = [];
    const reported: CloseError[] = [];
    const store = new DisposableStore({
      onError: (error) => {
        reported.push(error);
        throw new Error('a reporter that throws');
      },
    });
    store.add('history', { close: () => void order.push('history') });
    store.add('websocket', { close: () => Promise.reject(new Error('socket stuck')) });
    store.add('engine', { close: () => void order.push('engine') });
    store.onClose('workspace', () => {
      throw new Error('watcher gone');
    });
    const failures = await store.close();
    expect(order).toEqual(['engine', 'history']);
    expect(failures.map((failure) => failure.message)).toEqual(['Closing workspace failed: watcher gone', 'Closing websocket failed: socket stuck']);
    expect(reported).toEqual(failures);
    expect(failures[1]?.resource).toBe('websocket');
    expect((failures[1]?.cause as Error).message).toBe('socket stuck');
  });

  it('closes once however often it is asked, and closes at once what is added afterwards', async () => {
    let closes = 0;
    const store = new DisposableStore({ onError: () => undefined });
    store.add('engine', { close: () => void (closes += 1) });
    const first = store.close();
    expect(store.close()).toBe(first);
    await first;
    expect(closes).toBe(1);
    let late = false;
    store.onClose('late', () => void (late = true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(late).toBe(true);
  });
});
