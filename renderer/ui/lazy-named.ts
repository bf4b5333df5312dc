import { createElement, use, type ComponentProps, type ComponentType } from 'react';

/** A component whose code is a chunk of its own, fetched on first render or ahead of it with `preload()`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LazyPanel<Component extends ComponentType<any>> = ComponentType<ComponentProps<Component>> & {
  /** fetches the chunk without rendering; once settled, the component renders at once, with no Suspense fallback */
  preload: () => Promise<void>;
};

/**
 * React.lazy for a named export: features keep named exports (DESIGN.md) and hand out panels the window does not
 * show at start (dialogs, the WebSocket workspace, the request sections other than Params) as chunks loaded on first
 * use, which keeps them out of the JavaScript parsed before the first paint.
 *
 * Not React.lazy itself: a lazy component suspends on its first render even when its chunk has already arrived, so a
 * panel fetched at idle would still flash an empty fallback on the first click. This one renders a loaded chunk
 * directly and suspends (through `use`) only while it is really in flight.
 */
// React.lazy's own constraint is ComponentType<any>: a narrower one rejects components with required props.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyNamed<Module extends Record<Name, ComponentType<any>>, Name extends keyof Module & string>(
  load: () => Promise<Module>,
  name: Name,
): LazyPanel<Module[Name]> {
  let loaded: Module[Name] | null = null;
  let loading: Promise<void> | null = null;
  const preload = (): Promise<void> =>
    (loading ??= load().then(
      (module) => {
        loaded = module[name];
      },
      (error: unknown) => {
        // a chunk that failed to arrive (offline, a new build) is asked for again next time, not remembered as broken
        loading = null;
        throw error;
      },
    ));
  function LazyNamed(props: ComponentProps<Module[Name]>) {
    const component = loaded ?? (use(preload()), loaded);
    return component ? createElement(component, props) : null;
  }
  LazyNamed.displayName = `Lazy(${name})`;
  return Object.assign(LazyNamed, { preload });
}
