import { useCallback, useState } from 'react';

function read(key: string | undefined, fallback: number): number {
  if (!key) return fallback;
  try {
    const stored = localStorage.getItem(key);
    const value = stored === null ? NaN : Number(stored);
    return Number.isFinite(value) ? value : fallback;
  } catch {
    return fallback;
  }
}

/**
 * A number kept in localStorage under `key` (pane sizes: view state, not the user's data, so it stays out of the
 * services). Without a key it is plain state. A value that is not a finite number falls back. When the key changes
 * (the same pane in another arrangement) the value stored under the new key is read.
 */
export function useStoredNumber(key: string | undefined, fallback: number): [number, (value: number) => void] {
  const [state, setState] = useState(() => ({ key, value: read(key, fallback) }));
  let current = state;
  if (state.key !== key) {
    current = { key, value: read(key, fallback) };
    setState(current);
  }
  const set = useCallback(
    (next: number) => {
      setState({ key, value: next });
      if (!key) return;
      try {
        localStorage.setItem(key, String(next));
      } catch {
        // private mode or full storage: the size just will not be remembered
      }
    },
    [key],
  );
  return [current.value, set];
}
