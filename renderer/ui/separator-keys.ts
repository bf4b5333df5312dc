/** The range a separator moves in and its steps (arrow keys; Shift+arrow takes the big step). */
export interface SeparatorRange {
  min: number;
  max: number;
  step: number;
  bigStep: number;
}

export function clampTo(range: Pick<SeparatorRange, 'min' | 'max'>, value: number): number {
  // a range squeezed below its minimum (a small window) still answers with the minimum
  return Math.max(range.min, Math.min(Math.max(range.min, range.max), value));
}

/**
 * Where a WAI-ARIA window splitter goes for a key, or null when the key is not its own. 'vertical' separators (panes
 * side by side) move with Left/Right, 'horizontal' ones with Up/Down; Home and End go to the ends.
 */
export function separatorValueForKey(key: string, shift: boolean, value: number, range: SeparatorRange, orientation: 'vertical' | 'horizontal'): number | null {
  const step = shift ? range.bigStep : range.step;
  const back = orientation === 'vertical' ? 'ArrowLeft' : 'ArrowUp';
  const forward = orientation === 'vertical' ? 'ArrowRight' : 'ArrowDown';
  if (key === back) return clampTo(range, value - step);
  if (key === forward) return clampTo(range, value + step);
  if (key === 'Home') return clampTo(range, range.min);
  if (key === 'End') return clampTo(range, range.max);
  return null;
}
