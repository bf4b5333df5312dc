import { useImperativeHandle, useMemo, useRef, type HTMLAttributes, type Key, type ReactNode, type Ref, type RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

/** One row in view: where it starts in the list and how tall it is; `measureRef` for rows sized by their content. */
export interface VirtualRow {
  index: number;
  key: Key;
  /**
   * The row's place among the rows in view (its index modulo their number): a key that stays with the same DOM
   * element while the list scrolls, so a list that moves every frame (a log following its newest row) updates a
   * screenful of rows in place instead of removing and creating them.
   */
  slot: number;
  start: number;
  size: number;
  end: number;
  measureRef: (element: Element | null) => void;
}

export interface VirtualRowsOptions {
  count: number;
  /** a row's height, or its estimate when rows measure themselves */
  estimateSize: number | ((index: number) => number);
  /** rows rendered beyond the visible ones, each way */
  overscan?: number;
  /** room above the rows inside the scroller (a sticky header): row starts count from the scroller's top */
  scrollMargin?: number;
  scrollRef: RefObject<HTMLElement | null>;
}

export interface VirtualRows {
  rows: VirtualRow[];
  totalSize: number;
  scrollOffset: number;
  scrollToIndex: (index: number, options?: { align?: 'start' | 'center' | 'end' | 'auto' }) => void;
  /** row sizes changed without the count changing (a day heading moved): lay out again */
  measure: () => void;
}

/**
 * The one place the window virtualizes a list: only the rows in view (and `overscan` more) are rendered, so
 * 100,000 rows cost what a screenful does. For a list that positions its rows itself (history's day headings, the
 * collection tree's open menu); VirtualList below is the usual way in.
 */
export function useVirtualRows({ count, estimateSize, overscan = 12, scrollMargin, scrollRef }: VirtualRowsOptions): VirtualRows {
  // The virtualizer re-renders its owner itself; nothing it returns is passed to memoized children.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: typeof estimateSize === 'number' ? () => estimateSize : estimateSize,
    overscan,
    ...(scrollMargin === undefined ? {} : { scrollMargin }),
  });
  // the same functions for the list's lifetime, so an effect may depend on them
  const commands = useMemo(
    () => ({
      scrollToIndex: (index: number, options?: { align?: 'start' | 'center' | 'end' | 'auto' }) => virtualizer.scrollToIndex(index, options),
      measure: () => virtualizer.measure(),
    }),
    [virtualizer],
  );
  const items = virtualizer.getVirtualItems();
  return {
    ...commands,
    // the items are consecutive, so their indexes modulo their number are distinct
    rows: items.map((item) => ({
      index: item.index,
      key: item.key,
      slot: item.index % items.length,
      start: item.start,
      size: item.size,
      end: item.end,
      measureRef: virtualizer.measureElement,
    })),
    totalSize: virtualizer.getTotalSize(),
    scrollOffset: virtualizer.scrollOffset ?? 0,
  };
}

export interface VirtualListHandle {
  scrollToIndex: VirtualRows['scrollToIndex'];
}

export interface VirtualListProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  count: number;
  estimateSize: VirtualRowsOptions['estimateSize'];
  overscan?: number;
  scrollMargin?: number;
  /** the scroller, for an owner that follows the newest row by setting scrollTop */
  scrollRef?: RefObject<HTMLDivElement | null>;
  handleRef?: Ref<VirtualListHandle>;
  /** inside the scroller, above the rows (a sticky header row) */
  before?: ReactNode;
  /** the element that holds the rows and takes the list's full height: a list (<ul>) or a group with a role */
  rowsAs?: 'div' | 'ul';
  rowsProps?: HTMLAttributes<HTMLElement>;
  /** renders one row; it must take `row.start` as its offset (absolute position, translateY) and `row.key` */
  children: (row: VirtualRow) => ReactNode;
}

/**
 * A scrolling list of which only the rows in view exist in the DOM. The scroller gets every other prop (role,
 * label, tabIndex, onScroll); the rows sit in a relatively positioned box as tall as the whole list.
 */
export function VirtualList({
  count,
  estimateSize,
  overscan,
  scrollMargin,
  scrollRef,
  handleRef,
  before,
  rowsAs = 'div',
  rowsProps,
  children,
  ...scrollerProps
}: VirtualListProps) {
  const ownRef = useRef<HTMLDivElement>(null);
  const ref = scrollRef ?? ownRef;
  const virtual = useVirtualRows({ count, estimateSize, overscan, scrollMargin, scrollRef: ref });
  useImperativeHandle(handleRef, () => ({ scrollToIndex: virtual.scrollToIndex }), [virtual.scrollToIndex]);
  const Rows = rowsAs;
  // a class on the box positions it; otherwise the box does it inline
  const position = rowsProps?.className ? undefined : ('relative' as const);
  return (
    <div ref={ref} {...scrollerProps}>
      {before}
      <Rows {...rowsProps} style={{ height: virtual.totalSize, position, ...rowsProps?.style }}>
        {virtual.rows.map(children)}
      </Rows>
    </div>
  );
}
