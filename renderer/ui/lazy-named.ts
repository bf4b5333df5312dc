import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * React.lazy for a named export: features keep named exports (DESIGN.md) and hand out panels the window does not
 * show at start (dialogs, the WebSocket workspace, the GraphQL editor) as chunks loaded on first use, which keeps
 * them out of the JavaScript parsed before the first paint.
 */
// React.lazy's own constraint is ComponentType<any>: a narrower one rejects components with required props.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyNamed<Module extends Record<Name, ComponentType<any>>, Name extends keyof Module & string>(
  load: () => Promise<Module>,
  name: Name,
): LazyExoticComponent<Module[Name]> {
  return lazy(async () => ({ default: (await load())[name] }));
}
