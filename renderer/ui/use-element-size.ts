import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

interface ElementSizeOptions {
  /**
   * Take the first measurement from the ResizeObserver, after the first paint, rather than in the commit: for a
   * component whose first frame does not depend on the size. A size set in the commit renders the tree again before
   * the paint, and React then runs every pending effect of the first render (data queries, the bridge's socket, the
   * focus) before the paint too.
   */
  firstAfterPaint?: boolean;
}

/** An element's border-box width and height, kept current with a ResizeObserver (0 × 0 until it is laid out). */
export function useElementSize<T extends HTMLElement>({ firstAfterPaint = false }: ElementSizeOptions = {}): [
  RefObject<T | null>,
  { width: number; height: number },
] {
  const ref = useRef<T | null>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const box = element.getBoundingClientRect();
      setSize((current) => (current.width === box.width && current.height === box.height ? current : { width: box.width, height: box.height }));
    };
    if (!firstAfterPaint || typeof ResizeObserver === 'undefined') measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [firstAfterPaint]);
  return [ref, size];
}
