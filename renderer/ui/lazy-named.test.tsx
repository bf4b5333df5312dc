// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { lazyNamed } from './lazy-named';

afterEach(cleanup);

function deferredModule() {
  let resolve!: () => void;
  let loads = 0;
  const module = { Panel: ({ text }: { text: string }) => <p>{text}</p> };
  const ready = new Promise<void>((done) => (resolve = done));
  const load = async () => {
    loads += 1;
    await ready;
    return module;
  };
  return { load, resolve, loads: () => loads };
}

describe('lazyNamed', () => {
  it('shows a preloaded panel on its first render, with no empty fallback in between', async () => {
    const source = deferredModule();
    const Panel = lazyNamed(source.load, 'Panel');
    const loaded = Panel.preload();
    source.resolve();
    await loaded;
    render(
      <Suspense fallback={<p>Loading</p>}>
        <Panel text="Auth settings" />
      </Suspense>,
    );
    // synchronously there: the user never sees the fallback (an empty panel) on the first click
    expect(screen.getByText('Auth settings')).toBeTruthy();
    expect(screen.queryByText('Loading')).toBeNull();
    expect(source.loads()).toBe(1);
  });

  it('loads on first render when never preloaded, and fetches the chunk once however often it is asked', async () => {
    const source = deferredModule();
    const Panel = lazyNamed(source.load, 'Panel');
    await act(async () => {
      render(
        <Suspense fallback={<p>Loading</p>}>
          <Panel text="Body editor" />
        </Suspense>,
      );
    });
    expect(screen.getByText('Loading')).toBeTruthy();
    void Panel.preload();
    await act(async () => source.resolve());
    expect(await screen.findByText('Body editor')).toBeTruthy();
    expect(source.loads()).toBe(1);
  });

  it('tries again after a failed load (a chunk that could not be fetched is not remembered as broken)', async () => {
    let fail = true;
    const Panel = lazyNamed(async () => {
      if (fail) throw new Error('chunk failed');
      return { Panel: () => <p>Scripts</p> };
    }, 'Panel');
    await expect(Panel.preload()).rejects.toThrow('chunk failed');
    fail = false;
    await Panel.preload();
    render(
      <Suspense fallback={null}>
        <Panel />
      </Suspense>,
    );
    expect(screen.getByText('Scripts')).toBeTruthy();
  });
});
