import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * An element's border-box width, kept current with a ResizeObserver. The first render uses `estimate`, the width the
 * element is expected to have before it is laid out: when it is right, the measurement after the first commit
 * changes nothing and the window is laid out once on the way to its first paint (a first render at width 0 and a
 * second at the measured width had the browser lay out twice whatever depends on the width). When it is wrong, the
 * measurement corrects it before the paint, as with no estimate.
 */
export function useElementWidth<T extends HTMLElement>(estimate: () => number): [RefObject<T | null>, number] {
  const ref = useRef<T | null>(null);
  const [width, setWidth] = useState(estimate);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(element.getBoundingClientRect().width);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
