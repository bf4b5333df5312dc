import { useSyncExternalStore } from 'react';

/** Whether a CSS media query matches now, re-rendering when that changes (window resized, theme switched). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (notify) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', notify);
      return () => list.removeEventListener('change', notify);
    },
    () => window.matchMedia(query).matches,
  );
}
