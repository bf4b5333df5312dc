import { useEffect, useState } from 'react';

/**
 * The value, but changing at most once per `ms` (the latest one always arrives). For views that follow a stream: a
 * counter may move every frame while a long virtualized list re-lays itself out a few times a second.
 */
export function useThrottledValue<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const [lastAt, setLastAt] = useState(0);
  useEffect(() => {
    if (Object.is(value, shown)) return undefined;
    const wait = Math.max(0, lastAt + ms - performance.now());
    const timer = setTimeout(() => {
      setShown(value);
      setLastAt(performance.now());
    }, wait);
    return () => clearTimeout(timer);
  }, [value, shown, lastAt, ms]);
  return shown;
}
