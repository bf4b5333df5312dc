import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { separatorValueForKey, type SeparatorRange } from './separator-keys';

interface SplitDividerProps {
  label: string;
  /** 'vertical': a line between panes side by side (moves left/right); 'horizontal': between stacked panes */
  orientation: 'vertical' | 'horizontal';
  value: number;
  range: SeparatorRange;
  /** what aria-valuenow says (a percentage or pixels), when that is not `value` itself */
  valueNow?: number;
  valueText?: string;
  /** the value for the pointer's position while dragging */
  valueAt: (event: PointerEvent<HTMLDivElement>) => number | null;
  onChange: (value: number) => void;
  /** extra class for the panel it belongs to (e.g. a sidebar's edge) */
  className?: string;
  controls?: string;
}

/**
 * The focusable line between two panes (a WAI-ARIA window splitter): dragged with the mouse, moved with the arrow
 * keys (Shift for bigger steps), Home/End for the ends. SplitPane and SidePanel share it, so every resizable edge in
 * the window behaves the same.
 */
export function SplitDivider({ label, orientation, value, range, valueNow, valueText, valueAt, onChange, className, controls }: SplitDividerProps) {
  const dragging = useRef(false);
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    dragging.current = true;
    event.currentTarget.setPointerCapture(event.pointerId);
    event.preventDefault();
    event.currentTarget.focus();
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return;
    const next = valueAt(event);
    if (next !== null) onChange(next);
  };
  const onPointerUp = () => {
    dragging.current = false;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = separatorValueForKey(event.key, event.shiftKey, value, range, orientation);
    if (next === null) return;
    event.preventDefault();
    onChange(next);
  };
  return (
    <div
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-orientation={orientation}
      aria-controls={controls}
      aria-valuemin={Math.round(range.min)}
      aria-valuemax={Math.round(Math.max(range.min, range.max))}
      aria-valuenow={Math.round(valueNow ?? value)}
      aria-valuetext={valueText}
      className={`ui-split__divider ui-split__divider--${orientation}${className ? ` ${className}` : ''}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
