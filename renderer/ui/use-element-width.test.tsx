// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useElementWidth } from './use-element-width';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Renders an element whose laid-out width is `laidOut`, and returns every width the component rendered with. */
function renderedWidths(estimate: number, laidOut: number): number[] {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 0, laidOut, 10));
  const widths: number[] = [];
  function Measured() {
    const [ref, width] = useElementWidth<HTMLDivElement>(() => estimate);
    widths.push(width);
    return <div ref={ref} />;
  }
  render(<Measured />);
  return widths;
}

describe('useElementWidth', () => {
  it('renders once when the estimate is the width the element is laid out at', () => {
    expect(renderedWidths(1280, 1280)).toEqual([1280]);
  });

  it('renders again with the measured width when the estimate was wrong', () => {
    expect(renderedWidths(0, 1280)).toEqual([0, 1280]);
  });
});
