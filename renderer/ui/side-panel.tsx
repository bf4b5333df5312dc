import { type PointerEvent, type ReactNode } from 'react';
import { SplitDivider } from './split-divider';
import { useElementSize } from './use-element-size';
import { useStoredNumber } from './use-stored-number';

interface SidePanelProps {
  id?: string;
  /** accessible name of its resize handle */
  resizeLabel: string;
  /** remembers the width in localStorage under this key */
  storageKey: string;
  defaultWidth: number;
  minWidth: number;
  maxWidth: number;
  className?: string;
  children: ReactNode;
}

/**
 * A panel at the side of the window (collections, history) with a resize handle on its right edge. Its width is
 * what it would like: it is a flex basis that shrinks down to minWidth when the window is narrow, so the panels give
 * way before the request line does (the work area beside them holds its own minimum width).
 */
export function SidePanel({ id, resizeLabel, storageKey, defaultWidth, minWidth, maxWidth, className, children }: SidePanelProps) {
  const [width, setWidth] = useStoredNumber(storageKey, defaultWidth);
  const [panelRef, box] = useElementSize<HTMLDivElement>();
  const range = { min: minWidth, max: maxWidth, step: 16, bigStep: 64 };
  const wanted = Math.min(maxWidth, Math.max(minWidth, width));
  // squeezed by a narrow window, the panel is narrower than wanted: the handle says (and steps from) what is seen
  const shown = box.width > 0 ? Math.min(wanted, Math.round(box.width)) : wanted;
  const valueAt = (event: PointerEvent<HTMLDivElement>) => {
    const left = panelRef.current?.getBoundingClientRect().left;
    return left === undefined ? null : Math.min(maxWidth, Math.max(minWidth, Math.round(event.clientX - left)));
  };
  return (
    <>
      <div ref={panelRef} id={id} className={`ui-side-panel${className ? ` ${className}` : ''}`} style={{ flexBasis: wanted, minWidth }}>
        {children}
      </div>
      <SplitDivider
        label={resizeLabel}
        orientation="vertical"
        value={shown}
        range={range}
        valueText={`${Math.round(shown)} pixels wide`}
        valueAt={valueAt}
        onChange={setWidth}
        controls={id}
        className="ui-side-panel__edge"
      />
    </>
  );
}
