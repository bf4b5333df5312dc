import { type PointerEvent, type ReactNode } from 'react';
import { clampTo } from './separator-keys';
import { SplitDivider } from './split-divider';
import { useElementSize } from './use-element-size';
import { useStoredNumber } from './use-stored-number';

interface SplitPaneProps {
  /** accessible name of the draggable divider */
  label: string;
  /** 'row': side by side; 'column': stacked */
  direction: 'row' | 'column';
  first: ReactNode;
  second: ReactNode;
  /** share of the first pane, 0..1 */
  initialRatio?: number;
  /** remembers the share in localStorage under this key */
  storageKey?: string;
  /** the fewest pixels each pane keeps along the split (the request line needs room for its URL field) */
  minFirst?: number;
  minSecond?: number;
  /** the pixels the first pane gets until the user moves the divider (more than minFirst allows, less than it prefers) */
  startFirst?: number;
}

const MIN = 0.2;
const MAX = 0.8;

/**
 * The first pane's share as CSS: the same rule as `ratio` (the wanted share, kept within MIN..MAX and the panes' pixel
 * minimums, the minimum winning in a split too short for both), with the split's length left to the browser.
 */
function firstBasis({
  stored,
  initialRatio,
  startFirst,
  minFirst,
  minSecond,
}: {
  stored: number;
  initialRatio: number;
  startFirst: number;
  minFirst: number;
  minSecond: number;
}): string {
  const wanted = Number.isNaN(stored) ? `max(${initialRatio * 100}%, ${startFirst}px)` : `${stored * 100}%`;
  return `clamp(max(${MIN * 100}%, ${minFirst}px), ${wanted}, min(${MAX * 100}%, 100% - ${minSecond}px))`;
}

/**
 * Two panes and a divider that can be dragged or moved with the arrow keys (a WAI-ARIA window splitter), so the
 * request and the response can share the window the way the user wants. The share is kept within MIN..MAX and
 * within what the panes' pixel minimums allow at the current size, so the divider's value is what is on screen.
 */
export function SplitPane({ label, direction, first, second, initialRatio = 0.5, storageKey, minFirst = 0, minSecond = 0, startFirst = 0 }: SplitPaneProps) {
  // NaN: nothing stored, the user has not moved this divider yet
  const [stored, setStored] = useStoredNumber(storageKey, NaN);
  // The panes' sizes are CSS (firstBasis), resolved by the browser against the split's length in the very layout that
  // paints them; the length measured here serves the divider (its range, its keys), so it can come after the paint.
  const [containerRef, box] = useElementSize<HTMLDivElement>({ firstAfterPaint: true });
  const length = direction === 'row' ? box.width : box.height;
  const range = length > 0 ? { min: Math.max(MIN, minFirst / length), max: Math.min(MAX, 1 - minSecond / length) } : { min: MIN, max: MAX };
  const untouched = length > 0 ? Math.max(initialRatio, startFirst / length) : initialRatio;
  const ratio = clampTo(range, Number.isNaN(stored) ? untouched : stored);
  const basis = firstBasis({ stored, initialRatio, startFirst, minFirst, minSecond });

  const valueAt = (event: PointerEvent<HTMLDivElement>) => {
    const rect = containerRef.current?.getBoundingClientRect();
    if (!rect || rect.width === 0 || rect.height === 0) return null;
    const next = direction === 'row' ? (event.clientX - rect.left) / rect.width : (event.clientY - rect.top) / rect.height;
    return clampTo(range, next);
  };

  return (
    <div ref={containerRef} className={`ui-split ui-split--${direction}`}>
      <div className="ui-split__pane" style={{ flexBasis: basis }}>
        {first}
      </div>
      <SplitDivider
        label={label}
        orientation={direction === 'row' ? 'vertical' : 'horizontal'}
        value={ratio * 100}
        range={{ min: range.min * 100, max: range.max * 100, step: 2, bigStep: 10 }}
        valueAt={(event) => {
          const next = valueAt(event);
          return next === null ? null : next * 100;
        }}
        onChange={(percent) => setStored(Math.round(percent * 10) / 1000)}
      />
      <div className="ui-split__pane" style={{ flexBasis: `calc(100% - ${basis})` }}>
        {second}
      </div>
    </div>
  );
}
