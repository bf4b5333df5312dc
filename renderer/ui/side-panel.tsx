import { useRef, type PointerEvent, type ReactNode } from 'react';
import { SplitDivider } from './split-divider';

interface SidePanelProps {
  id?: string;
  /** the id of what its handle resizes, when that is inside the panel rather than the panel itself */
  controls?: string;
  /** accessible name of its resize handle */
  resizeLabel: string;
  /** the width it is shown at: the layout decides it (the user's choice, given way in a narrow window) */
  width: number;
  /** how far its handle may move it while everything else keeps its place */
  min: number;
  max: number;
  onResize: (width: number) => void;
  className?: string;
  children: ReactNode;
}

/**
 * A panel at the side of the window (collections, history) with a resize handle on its right edge. It is shown at
 * exactly the width it is given, so its handle reports (and steps from) the width on screen, and moving the handle
 * moves this panel only.
 */
export function SidePanel({ id, controls, resizeLabel, width, min, max, onResize, className, children }: SidePanelProps) {
  const panelRef = useRef<HTMLDivElement>(null);
  const range = { min, max, step: 16, bigStep: 64 };
  const valueAt = (event: PointerEvent<HTMLDivElement>) => {
    const left = panelRef.current?.getBoundingClientRect().left;
    return left === undefined ? null : Math.min(max, Math.max(min, Math.round(event.clientX - left)));
  };
  return (
    <>
      {/* a region F6 moves the focus to (pane-focus.ts) */}
      <div ref={panelRef} id={id} data-pane="" className={`ui-side-panel${className ? ` ${className}` : ''}`} style={{ width }}>
        {children}
      </div>
      <SplitDivider
        label={resizeLabel}
        orientation="vertical"
        value={width}
        range={range}
        valueText={`${Math.round(width)} pixels wide`}
        valueAt={valueAt}
        onChange={onResize}
        controls={controls ?? id}
      />
    </>
  );
}
